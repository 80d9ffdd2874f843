//! PURE: bars of Unicode blocks for `cost report --chart`, in eighths of a character so that small
//! differences still show.

/// Characters the widest bar takes.
pub const WIDTH: usize = 30;

const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// A bar `value / widest` of `width` characters long; nothing for zero, negative or no scale.
pub fn bar(value: f64, widest: f64, width: usize) -> String {
    if !(value > 0.0 && widest > 0.0) {
        return String::new();
    }
    let eighths = (value.min(widest) / widest * (width * 8) as f64).round() as usize;
    let mut out = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        out.push(EIGHTHS[eighths % 8 - 1]);
    }
    // A value too small for an eighth still shows that it is there.
    if out.is_empty() {
        out.push(EIGHTHS[0]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The length of a bar in eighths of a character.
    fn eighths(bar: &str) -> usize {
        bar.chars().map(|c| if c == '█' { 8 } else { EIGHTHS.iter().position(|e| *e == c).unwrap() + 1 }).sum()
    }

    #[test]
    fn bars_are_proportional_to_the_values() {
        assert_eq!(bar(100.0, 100.0, 10), "██████████");
        assert_eq!(bar(50.0, 100.0, 10), "█████");
        assert_eq!(bar(12.5, 100.0, 10), "█▎");
        for value in [1.0, 7.0, 33.0, 64.5, 99.0] {
            let length = eighths(&bar(value, 100.0, 30));
            assert!((length as f64 - value / 100.0 * 240.0).abs() <= 0.5, "{value}: {length}");
        }
    }

    #[test]
    fn nothing_to_draw() {
        assert_eq!(bar(0.0, 100.0, 10), "");
        assert_eq!(bar(-5.0, 100.0, 10), "");
        assert_eq!(bar(5.0, 0.0, 10), "");
        assert_eq!(bar(0.001, 100.0, 10), "▏");
    }
}
