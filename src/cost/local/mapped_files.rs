//! The local file system for DataFusion, with ranges read through a memory map.
//!
//! object_store's `LocalFileSystem` reads every column chunk into a new zeroed buffer: on a
//! 10 M-line CUR, zeroing and faulting in that memory was a fifth of the report's time. A
//! mapped file hands out slices of the page cache instead. Everything but reading ranges goes to
//! `LocalFileSystem`.

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::ops::Range;
use std::sync::Mutex;

use async_trait::async_trait;
use bytes::Bytes;
use datafusion::object_store::local::LocalFileSystem;
use datafusion::object_store::path::Path;
use datafusion::object_store::{
    CopyOptions, Error, GetOptions, GetResult, ListResult, MultipartUpload, ObjectMeta, ObjectStore, PutMultipartOptions, PutOptions,
    PutPayload, PutResult, Result,
};
use futures_util::stream::BoxStream;

#[derive(Debug, Default)]
pub struct MappedFiles {
    files: LocalFileSystem,
    maps: Mutex<HashMap<Path, Bytes>>,
}

impl fmt::Display for MappedFiles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MappedFiles")
    }
}

fn error(source: std::io::Error) -> Error {
    Error::Generic { store: "MappedFiles", source: source.into() }
}

impl MappedFiles {
    fn map(&self, location: &Path) -> Result<Bytes> {
        if let Some(bytes) = self.maps.lock().expect("no panics while locked").get(location) {
            return Ok(bytes.clone());
        }
        let path = self.files.path_to_filesystem(location)?;
        let file = File::open(&path).map_err(|e| Error::NotFound { path: path.display().to_string(), source: e.into() })?;
        // SAFETY: the mapping is only read. A CUR file truncated by another process while a report
        // reads it would end the process (SIGBUS) rather than give wrong figures.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(error)?;
        let bytes = Bytes::from_owner(map);
        self.maps.lock().expect("no panics while locked").insert(location.clone(), bytes.clone());
        Ok(bytes)
    }
}

#[async_trait]
impl ObjectStore for MappedFiles {
    async fn get_ranges(&self, location: &Path, ranges: &[Range<u64>]) -> Result<Vec<Bytes>> {
        let bytes = self.map(location)?;
        ranges
            .iter()
            .map(|r| match (usize::try_from(r.start), usize::try_from(r.end)) {
                (Ok(start), Ok(end)) if start <= end && end <= bytes.len() => Ok(bytes.slice(start..end)),
                _ => Err(error(std::io::Error::other(format!("range {r:?} is outside {location} ({} bytes)", bytes.len())))),
            })
            .collect()
    }

    async fn get_opts(&self, location: &Path, options: GetOptions) -> Result<GetResult> {
        self.files.get_opts(location, options).await
    }

    async fn put_opts(&self, location: &Path, payload: PutPayload, opts: PutOptions) -> Result<PutResult> {
        self.files.put_opts(location, payload, opts).await
    }

    async fn put_multipart_opts(&self, location: &Path, opts: PutMultipartOptions) -> Result<Box<dyn MultipartUpload>> {
        self.files.put_multipart_opts(location, opts).await
    }

    fn delete_stream(&self, locations: BoxStream<'static, Result<Path>>) -> BoxStream<'static, Result<Path>> {
        self.files.delete_stream(locations)
    }

    fn list(&self, prefix: Option<&Path>) -> BoxStream<'static, Result<ObjectMeta>> {
        self.files.list(prefix)
    }

    async fn list_with_delimiter(&self, prefix: Option<&Path>) -> Result<ListResult> {
        self.files.list_with_delimiter(prefix).await
    }

    async fn copy_opts(&self, from: &Path, to: &Path, options: CopyOptions) -> Result<()> {
        self.files.copy_opts(from, to, options).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn ranges_are_the_file_bytes_and_a_range_past_the_end_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("f"), b"0123456789").unwrap();
        let store = MappedFiles::default();
        let location = Path::from_filesystem_path(dir.path().join("f")).unwrap();
        let got = store.get_ranges(&location, &[0..3, 5..10, 4..4]).await.unwrap();
        assert_eq!(got, [Bytes::from_static(b"012"), Bytes::from_static(b"56789"), Bytes::new()]);
        let err = store.get_ranges(&location, &[0..1, 8..11]).await.unwrap_err();
        assert!(err.to_string().contains("range 8..11 is outside"), "{err}");
    }
}
