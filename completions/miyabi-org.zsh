#compdef miyabi-org

autoload -U is-at-least

_miyabi-org() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_miyabi-org_commands" \
"*::: :->miyabi-org" \
&& ret=0
    case $state in
    (miyabi-org)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-command-$line[1]:"
        case $line[1] in
            (init)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::dir -- Where to create it:_files' \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--online[Then send every SCP and RCP to IAM Access Analyzer'\''s ValidatePolicy and show its findings]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(plan)
_arguments "${_arguments_options[@]}" : \
'*--only=[Limit to these parts of the organization]:PART:((ou\:"Organizational units"
scp\:"Service control and tag policies, and their attachments to the root and OUs"
account\:"Accounts\: creation, OU, tags, account-level SCPs; the tenant registry'\''s pools"
budget\:"Budgets of accounts and customers"
sso\:"IAM Identity Center\: permission sets and account assignments"
workers\:"The agent workers'\'' queues and task tables in the accounts that run them"))' \
'--out=[Save the plan for \`apply FILE\`]:FILE:_files' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--all-principals[Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed]' \
'--detailed-exitcode[Exit 2 when there are changes, 0 when there are none]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
'*--only=[Limit to these parts of the organization]:PART:((ou\:"Organizational units"
scp\:"Service control and tag policies, and their attachments to the root and OUs"
account\:"Accounts\: creation, OU, tags, account-level SCPs; the tenant registry'\''s pools"
budget\:"Budgets of accounts and customers"
sso\:"IAM Identity Center\: permission sets and account assignments"
workers\:"The agent workers'\'' queues and task tables in the accounts that run them"))' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--all-principals[Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::file -- A plan saved with `plan --out`; refused if the organization changed since:_files' \
&& ret=0
;;
(drift)
_arguments "${_arguments_options[@]}" : \
'*--only=[Limit to these parts of the organization]:PART:((ou\:"Organizational units"
scp\:"Service control and tag policies, and their attachments to the root and OUs"
account\:"Accounts\: creation, OU, tags, account-level SCPs; the tenant registry'\''s pools"
budget\:"Budgets of accounts and customers"
sso\:"IAM Identity Center\: permission sets and account assignments"
workers\:"The agent workers'\'' queues and task tables in the accounts that run them"))' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--all-principals[Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(org)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__org_commands" \
"*::: :->org" \
&& ret=0

    case $state in
    (org)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-org-command-$line[1]:"
        case $line[1] in
            (show)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(tree)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__org__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-org-help-command-$line[1]:"
        case $line[1] in
            (show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(tree)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(ou)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__ou_commands" \
"*::: :->ou" \
&& ret=0

    case $state in
    (ou)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-ou-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__ou__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-ou-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(scp)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__scp_commands" \
"*::: :->scp" \
&& ret=0

    case $state in
    (scp)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-scp-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(plan)
_arguments "${_arguments_options[@]}" : \
'--out=[Save the plan for \`apply FILE\`]:FILE:_files' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--detailed-exitcode[Exit 2 when there are changes, 0 when there are none]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(explain)
_arguments "${_arguments_options[@]}" : \
'--account=[The account, by name or id]:NAME|ID:_default' \
'--action=[The action, as service\:Action (s3\:PutObject)]:ACTION:_default' \
'--resource=[The resource ARN the action is on; statements limited to resources are shown as depending on it without one]:ARN:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(--repo)--all-accounts[Every account where the action is not allowed, from one read of the organization]' \
'--repo[From the repo alone, with no AWS call\: the policies and attachments the repo declares]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__scp__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-scp-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(plan)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(explain)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(rcp)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__rcp_commands" \
"*::: :->rcp" \
&& ret=0

    case $state in
    (rcp)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-rcp-command-$line[1]:"
        case $line[1] in
            (explain)
_arguments "${_arguments_options[@]}" : \
'--account=[The account, by name or id]:NAME|ID:_default' \
'--action=[The action, as service\:Action (s3\:PutObject)]:ACTION:_default' \
'--resource=[The resource ARN the action is on; statements limited to resources are shown as depending on it without one]:ARN:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(--repo)--all-accounts[Every account where the action is not allowed, from one read of the organization]' \
'--repo[From the repo alone, with no AWS call\: the policies and attachments the repo declares]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__rcp__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-rcp-help-command-$line[1]:"
        case $line[1] in
            (explain)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(account)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__account_commands" \
"*::: :->account" \
&& ret=0

    case $state in
    (account)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-account-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'--customer=[The customer id (\[A-Za-z0-9\]\[A-Za-z0-9-\]{0,62})]:CUSTOMER:_default' \
'(--silo)--tier=[The tier from \[tenancy.tier\] (default\: pool)]:TIER:_default' \
'--pool=[This pool number rather than the first with room]:N:_default' \
'--budget-usd=[Monthly budget for the customer'\''s tagged cost]:USD:_default' \
'(--customer --tier --silo --pool --budget-usd)--template=[A core account from this template (with --name)]:TEMPLATE:_default' \
'--name=[The core account'\''s name]:NAME:_default' \
'--ou=[The core account'\''s OU, instead of the template'\''s]:PATH:_default' \
'--email=[The core account'\''s email, instead of \[organization\] email]:EMAIL:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--silo[A dedicated account\: the tier \`silo\`]' \
'--dry-run[Show the plan and change nothing]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
'(--core)--pool=[As this pool (with --tier, default pool)]:POOL:_default' \
'--tier=[]:TIER:_default' \
'--core=[As a core account of this name]:NAME:_default' \
'--template=[The core account'\''s template]:TEMPLATE:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--dry-run[]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':id -- The account id:_default' \
&& ret=0
;;
(move)
_arguments "${_arguments_options[@]}" : \
'--ou=[]:PATH:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--dry-run[]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':id:_default' \
&& ret=0
;;
(close)
_arguments "${_arguments_options[@]}" : \
'--confirm=[The account'\''s name, to close without typing it (with --yes)]:NAME:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':id:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__account__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-account-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(move)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(close)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(tenant)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__tenant_commands" \
"*::: :->tenant" \
&& ret=0

    case $state in
    (tenant)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-tenant-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':customer:_default' \
&& ret=0
;;
(place)
_arguments "${_arguments_options[@]}" : \
'--tier=[]:TIER:_default' \
'--pool=[]:N:_default' \
'--budget-usd=[]:USD:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--dry-run[]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':customer:_default' \
&& ret=0
;;
(migrate)
_arguments "${_arguments_options[@]}" : \
'--to=[The tier to move to (silo, pool, ...)]:TIER:_default' \
'--pool=[]:N:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--dry-run[]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':customer:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__tenant__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-tenant-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(place)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(migrate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(budget)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__budget_commands" \
"*::: :->budget" \
&& ret=0

    case $state in
    (budget)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-budget-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__budget__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-budget-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(sso)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__sso_commands" \
"*::: :->sso" \
&& ret=0

    case $state in
    (sso)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-sso-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'--account=[Only this account (name or id)]:NAME|ID:_default' \
'--principal=[Only this group or user]:NAME:_default' \
'--customer=[Only the account this customer is placed in]:CUSTOMER:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--all-principals[Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(plan)
_arguments "${_arguments_options[@]}" : \
'--out=[Save the plan for \`apply FILE\`]:FILE:_files' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--all-principals[Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed]' \
'--detailed-exitcode[Exit 2 when there are changes, 0 when there are none]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--all-principals[Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(assign)
_arguments "${_arguments_options[@]}" : \
'--group=[A group, by DisplayName]:NAME:_default' \
'--user=[A user, by UserName]:NAME:_default' \
'--permission-set=[A permission set declared in \[sso.permission_set\]]:NAME:_default' \
'--account=[An account, by name or id]:NAME|ID:_default' \
'--ou=[Every account below an OU]:PATH:_default' \
'--tier=[Every account of a tier]:TIER:_default' \
'--customer=[The account a customer is placed in]:CUSTOMER:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--dry-run[Show the plan of the edit; write nothing, to miyabi-org.toml or to AWS]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(unassign)
_arguments "${_arguments_options[@]}" : \
'--group=[A group, by DisplayName]:NAME:_default' \
'--user=[A user, by UserName]:NAME:_default' \
'--permission-set=[A permission set declared in \[sso.permission_set\]]:NAME:_default' \
'--account=[An account, by name or id]:NAME|ID:_default' \
'--ou=[Every account below an OU]:PATH:_default' \
'--tier=[Every account of a tier]:TIER:_default' \
'--customer=[The account a customer is placed in]:CUSTOMER:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--dry-run[Show the plan of the edit; write nothing, to miyabi-org.toml or to AWS]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(permission-sets)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__sso__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-sso-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(plan)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(assign)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(unassign)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(permission-sets)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(cost)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__cost_commands" \
"*::: :->cost" \
&& ret=0

    case $state in
    (cost)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-cost-command-$line[1]:"
        case $line[1] in
            (report)
_arguments "${_arguments_options[@]}" : \
'--by=[What one row of the report is]:BY:(customer account pool tier service month)' \
'(--from --to)--month=[One month, YYYY-MM (default\: the last full month)]:YYYY-MM:_default' \
'--from=[First month of a range, YYYY-MM]:YYYY-MM:_default' \
'--to=[Last month of a range, YYYY-MM]:YYYY-MM:_default' \
'--engine=[Where to read the CUR (default\: \[cost\] engine)]:ENGINE:(athena cost-explorer local)' \
'--schema=[The CUR'\''s schema (default\: \[cost\] schema)]:SCHEMA:((cur2\:"CUR 2.0 (Data Exports)\: tags in the map \`resource_tags\`, \`BILLING_PERIOD=YYYY-MM\` partitions"
legacy\:"Legacy CUR\: one \`resource_tags_user_<tag>\` column per tag, \`year=YYYY/month=M\` partitions"))' \
'--metric=[Which cost (default\: \[cost\] metric)]:METRIC:((unblended\:""
amortized\:"As the Cloud Intelligence Dashboards summary view amortizes Savings Plans and RIs"
net-amortized\:""))' \
'--shared=[How untagged pool cost is split (default\: \[cost\] shared)]:SHARED:((proportional\:"Untagged pool cost split by each customer'\''s tagged cost"
even\:"Split evenly among the pool'\''s customers"
none\:"Left unallocated, reported as such"))' \
'--path=[The CUR files for the local engine (default\: \[cost.local\] path)]:DIR:_files' \
'--top=[Only the N largest rows; the rest are summed in one line]:N:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--chart[A bar per row, scaled to the widest (table output)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(sql)
_arguments "${_arguments_options[@]}" : \
'--by=[What one row of the report is]:BY:(customer account pool tier service month)' \
'(--from --to)--month=[One month, YYYY-MM (default\: the last full month)]:YYYY-MM:_default' \
'--from=[First month of a range, YYYY-MM]:YYYY-MM:_default' \
'--to=[Last month of a range, YYYY-MM]:YYYY-MM:_default' \
'--engine=[Where to read the CUR (default\: \[cost\] engine)]:ENGINE:(athena cost-explorer local)' \
'--schema=[The CUR'\''s schema (default\: \[cost\] schema)]:SCHEMA:((cur2\:"CUR 2.0 (Data Exports)\: tags in the map \`resource_tags\`, \`BILLING_PERIOD=YYYY-MM\` partitions"
legacy\:"Legacy CUR\: one \`resource_tags_user_<tag>\` column per tag, \`year=YYYY/month=M\` partitions"))' \
'--metric=[Which cost (default\: \[cost\] metric)]:METRIC:((unblended\:""
amortized\:"As the Cloud Intelligence Dashboards summary view amortizes Savings Plans and RIs"
net-amortized\:""))' \
'--shared=[How untagged pool cost is split (default\: \[cost\] shared)]:SHARED:((proportional\:"Untagged pool cost split by each customer'\''s tagged cost"
even\:"Split evenly among the pool'\''s customers"
none\:"Left unallocated, reported as such"))' \
'--path=[The CUR files for the local engine (default\: \[cost.local\] path)]:DIR:_files' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(advise)
_arguments "${_arguments_options[@]}" : \
'--months=[How many full months to judge by; advice holds only if it holds in each]:N:_default' \
'--to=[The last month of the window, YYYY-MM (default\: the last full month)]:YYYY-MM:_default' \
'--engine=[Where to read the CUR (default\: \[cost\] engine)]:ENGINE:(athena cost-explorer local)' \
'--schema=[The CUR'\''s schema (default\: \[cost\] schema)]:SCHEMA:((cur2\:"CUR 2.0 (Data Exports)\: tags in the map \`resource_tags\`, \`BILLING_PERIOD=YYYY-MM\` partitions"
legacy\:"Legacy CUR\: one \`resource_tags_user_<tag>\` column per tag, \`year=YYYY/month=M\` partitions"))' \
'--metric=[Which cost (default\: \[cost\] metric)]:METRIC:((unblended\:""
amortized\:"As the Cloud Intelligence Dashboards summary view amortizes Savings Plans and RIs"
net-amortized\:""))' \
'--shared=[How untagged pool cost is split (default\: \[cost\] shared)]:SHARED:((proportional\:"Untagged pool cost split by each customer'\''s tagged cost"
even\:"Split evenly among the pool'\''s customers"
none\:"Left unallocated, reported as such"))' \
'--path=[The CUR files for the local engine (default\: \[cost.local\] path)]:DIR:_files' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(generate)
_arguments "${_arguments_options[@]}" : \
'--out=[Where to write the files]:DIR:_files' \
'--schema=[]:SCHEMA:((cur2\:"CUR 2.0 (Data Exports)\: tags in the map \`resource_tags\`, \`BILLING_PERIOD=YYYY-MM\` partitions"
legacy\:"Legacy CUR\: one \`resource_tags_user_<tag>\` column per tag, \`year=YYYY/month=M\` partitions"))' \
'--format=[]:FORMAT:(parquet csv)' \
'--from=[First month, YYYY-MM]:YYYY-MM:_default' \
'--to=[Last month, YYYY-MM]:YYYY-MM:_default' \
'--rows-per-month=[]:ROWS_PER_MONTH:_default' \
'--seed=[]:SEED:_default' \
'*--scale=[CUSTOMER=FACTOR\: that customer'\''s lines cost FACTOR times as much (repeatable)]:CUSTOMER=FACTOR:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__cost__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-cost-help-command-$line[1]:"
        case $line[1] in
            (report)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(sql)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(advise)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(generate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(worker)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_miyabi-org__subcmd__worker_commands" \
"*::: :->worker" \
&& ret=0

    case $state in
    (worker)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-worker-command-$line[1]:"
        case $line[1] in
            (dispatch)
_arguments "${_arguments_options[@]}" : \
'--customer=[The customer the task is for]:CUSTOMER:_default' \
'--issue=[OWNER/REPO#N or https\://github.com/OWNER/REPO/issues/N]:ISSUE:_default' \
'(--file)--kind=[What the worker should do with the issue]:KIND:_default' \
'(--file)--priority=[]:PRIORITY:(low normal high)' \
'(--file)--note=[Free text for the worker, sent in the message]:NOTE:_default' \
'(--customer --issue)--file=[One task per line\: {"customer", "issue", "kind"?, "priority"?, "note"?, "again"?}]:FILE:_files' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(--file)--again[Dispatch again what was dispatched before, as a new attempt with its own id]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
'--tier=[Only the accounts of this tier]:TIER:_default' \
'--pool=[Only this pool (of the tier given, or \`pool\`)]:POOL:_default' \
'--customer=[Only the account of this customer, with its tasks by state]:CUSTOMER:_default' \
'--interval=[Seconds between reads with --watch]:INTERVAL:_default' \
'*--fail-on=[Exit 2 when the condition holds\: \`dlq\` (any dead letter), \`backlog=N\` (an account with more than N visible)]:CONDITION:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(--fail-on)--watch[Read again every --interval seconds until interrupted]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(tasks)
_arguments "${_arguments_options[@]}" : \
'--customer=[]:CUSTOMER:_default' \
'--state=[Only tasks in this state]:STATE:(queued running succeeded failed dead-lettered cancelled)' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
'()--customer=[Cancel every task of this customer in --state (asks first)]:CUSTOMER:_default' \
'--state=[]:STATE:(queued running succeeded failed dead-lettered cancelled)' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::task_id -- The task to cancel (CUSTOMER\:HASH\[\:ATTEMPT\], as dispatch prints it):_default' \
&& ret=0
;;
(redrive)
_arguments "${_arguments_options[@]}" : \
'--customer=[Only this customer'\''s dead letters (all accounts'\'' otherwise)]:CUSTOMER:_default' \
'--rate=[At most this many messages moved a second, per account]:RATE:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(scale)
_arguments "${_arguments_options[@]}" : \
'--tier=[Only the accounts of this tier]:TIER:_default' \
'--pool=[Only this pool (of the tier given, or \`pool\`)]:POOL:_default' \
'--customer=[Only the account of this customer, with its tasks by state]:CUSTOMER:_default' \
'--desired=[The number of worker tasks to run]:DESIRED:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--force[Allow a count outside \[workers.scaling\] min..max (the alarms bring it back within)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(autoscale)
_arguments "${_arguments_options[@]}" : \
'--tier=[Only the accounts of this tier]:TIER:_default' \
'--pool=[Only this pool (of the tier given, or \`pool\`)]:POOL:_default' \
'--customer=[Only the account of this customer, with its tasks by state]:CUSTOMER:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'--apply[Set the desired counts shown (asks first, or --yes)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(drain)
_arguments "${_arguments_options[@]}" : \
'--pool=[The pool'\''s number]:POOL:_default' \
'--tier=[The pool'\''s tier]:TIER:_default' \
'--timeout=[How long to wait for the queue to empty\: 90s, 30m, 2h]:TIMEOUT:_default' \
'--interval=[Seconds between reads of the queue while waiting]:INTERVAL:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(resume)
_arguments "${_arguments_options[@]}" : \
'--pool=[The pool'\''s number]:POOL:_default' \
'--tier=[The pool'\''s tier]:TIER:_default' \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__worker__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-worker-help-command-$line[1]:"
        case $line[1] in
            (dispatch)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(tasks)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(redrive)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(scale)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(autoscale)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(drain)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(resume)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'--config=[The org repo (default\: the first directory upwards holding miyabi-org.toml)]:DIR:_files' \
'--profile=[AWS profile from ~/.aws/config (default\: the SDK'\''s default chain)]:PROFILE:_default' \
'--region=[AWS region for the SDK (default\: the profile'\''s, then \[organization\] home_region)]:REGION:_default' \
'--endpoint-url=[Send every AWS call to this endpoint, such as the local sandbox]:URL:_default' \
'-o+[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--output=[How to print results]:OUTPUT:((table\:""
json\:""
markdown\:""
csv\:""
github\:"GitHub Actions workflow commands\: annotations on the files of a pull request"
html\:"One self-contained page with inline SVG charts (\`cost report\`)"))' \
'--color=[When to color the output]:COLOR:(auto always never)' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'*--verbose[Also print API calls by operation and timings, and every item of lists that text output summarises]' \
'-y[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--yes[Answer yes to confirmations; required to apply when standard input is not a terminal]' \
'--no-progress[Plain lines instead of progress bars and spinners]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':dir:_files' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-command-$line[1]:"
        case $line[1] in
            (init)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(plan)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(drift)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(org)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__org_commands" \
"*::: :->org" \
&& ret=0

    case $state in
    (org)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-org-command-$line[1]:"
        case $line[1] in
            (show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(tree)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(ou)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__ou_commands" \
"*::: :->ou" \
&& ret=0

    case $state in
    (ou)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-ou-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(scp)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__scp_commands" \
"*::: :->scp" \
&& ret=0

    case $state in
    (scp)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-scp-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(plan)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(explain)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(rcp)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__rcp_commands" \
"*::: :->rcp" \
&& ret=0

    case $state in
    (rcp)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-rcp-command-$line[1]:"
        case $line[1] in
            (explain)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(account)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__account_commands" \
"*::: :->account" \
&& ret=0

    case $state in
    (account)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-account-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(move)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(close)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(tenant)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__tenant_commands" \
"*::: :->tenant" \
&& ret=0

    case $state in
    (tenant)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-tenant-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(place)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(migrate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(budget)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__budget_commands" \
"*::: :->budget" \
&& ret=0

    case $state in
    (budget)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-budget-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(sso)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__sso_commands" \
"*::: :->sso" \
&& ret=0

    case $state in
    (sso)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-sso-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(plan)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(apply)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(assign)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(unassign)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(permission-sets)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(cost)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__cost_commands" \
"*::: :->cost" \
&& ret=0

    case $state in
    (cost)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-cost-command-$line[1]:"
        case $line[1] in
            (report)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(sql)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(advise)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(generate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(worker)
_arguments "${_arguments_options[@]}" : \
":: :_miyabi-org__subcmd__help__subcmd__worker_commands" \
"*::: :->worker" \
&& ret=0

    case $state in
    (worker)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:miyabi-org-help-worker-command-$line[1]:"
        case $line[1] in
            (dispatch)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(tasks)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(redrive)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(scale)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(autoscale)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(drain)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(resume)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_miyabi-org_commands] )) ||
_miyabi-org_commands() {
    local commands; commands=(
'init:Scaffold an org repo from the embedded defaults' \
'validate:Run every offline check of the repo; makes no AWS call unless --online' \
'plan:Read the live organization and show what apply would change' \
'apply:Apply a saved plan, or plan and apply, after asking' \
'drift:Plan for CI\: exit 0 when clean, 2 on drift, 1 on error; never writes' \
'org:The live organization' \
'ou:Organizational units' \
'scp:Service control policies (and tag policies) and their attachments' \
'rcp:Resource control policies' \
'account:Accounts\: the account factory, import, move, close' \
'tenant:The tenant registry\: customers, their pools and silos' \
'budget:Budgets of accounts and customers' \
'sso:IAM Identity Center\: permission sets and who may enter which account' \
'cost:Cost per customer from the Cost and Usage Report' \
'worker:Agent-worker tasks in the account each customer lives in' \
'completions:Print a shell completion script' \
'man:Write man pages into a directory' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account_commands] )) ||
_miyabi-org__subcmd__account_commands() {
    local commands; commands=(
'create:Place a customer in a pool (created when needed), or create a core account with --template' \
'list:Accounts with their OU, tier, pool, customers and status' \
'import:Adopt an existing account into the repo without recreating it' \
'move:Move a core account to another OU (tenant accounts follow their template)' \
'close:Close an account that hosts no customer, and remove it from the repo' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org account commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__close_commands] )) ||
_miyabi-org__subcmd__account__subcmd__close_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account close commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__create_commands] )) ||
_miyabi-org__subcmd__account__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account create commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__help_commands] )) ||
_miyabi-org__subcmd__account__subcmd__help_commands() {
    local commands; commands=(
'create:Place a customer in a pool (created when needed), or create a core account with --template' \
'list:Accounts with their OU, tier, pool, customers and status' \
'import:Adopt an existing account into the repo without recreating it' \
'move:Move a core account to another OU (tenant accounts follow their template)' \
'close:Close an account that hosts no customer, and remove it from the repo' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org account help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__help__subcmd__close_commands] )) ||
_miyabi-org__subcmd__account__subcmd__help__subcmd__close_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account help close commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__help__subcmd__create_commands] )) ||
_miyabi-org__subcmd__account__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account help create commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__account__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__help__subcmd__import_commands] )) ||
_miyabi-org__subcmd__account__subcmd__help__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account help import commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__help__subcmd__list_commands] )) ||
_miyabi-org__subcmd__account__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account help list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__help__subcmd__move_commands] )) ||
_miyabi-org__subcmd__account__subcmd__help__subcmd__move_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account help move commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__import_commands] )) ||
_miyabi-org__subcmd__account__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account import commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__list_commands] )) ||
_miyabi-org__subcmd__account__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__account__subcmd__move_commands] )) ||
_miyabi-org__subcmd__account__subcmd__move_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org account move commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__budget_commands] )) ||
_miyabi-org__subcmd__budget_commands() {
    local commands; commands=(
'list:Declared and live budgets side by side' \
'apply:Plan and apply budgets only' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org budget commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__budget__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__budget__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org budget apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__budget__subcmd__help_commands] )) ||
_miyabi-org__subcmd__budget__subcmd__help_commands() {
    local commands; commands=(
'list:Declared and live budgets side by side' \
'apply:Plan and apply budgets only' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org budget help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__budget__subcmd__help__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__budget__subcmd__help__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org budget help apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__budget__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__budget__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org budget help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__budget__subcmd__help__subcmd__list_commands] )) ||
_miyabi-org__subcmd__budget__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org budget help list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__budget__subcmd__list_commands] )) ||
_miyabi-org__subcmd__budget__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org budget list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__completions_commands] )) ||
_miyabi-org__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org completions commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost_commands] )) ||
_miyabi-org__subcmd__cost_commands() {
    local commands; commands=(
'report:Cost per customer (or account, pool, tier, service, month), reconciled with the CUR total' \
'sql:The SQL the report runs, for the Athena console' \
'advise:Placement advice from cost per customer\: noisy neighbours, oversized silos, fragmented pools, unit cost per tier (exit 2 when there is advice; nothing is moved)' \
'generate:Write a synthetic CUR for the repo'\''s accounts and customers (tests, demo, benchmark)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org cost commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__advise_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__advise_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost advise commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__generate_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__generate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost generate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__help_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__help_commands() {
    local commands; commands=(
'report:Cost per customer (or account, pool, tier, service, month), reconciled with the CUR total' \
'sql:The SQL the report runs, for the Athena console' \
'advise:Placement advice from cost per customer\: noisy neighbours, oversized silos, fragmented pools, unit cost per tier (exit 2 when there is advice; nothing is moved)' \
'generate:Write a synthetic CUR for the repo'\''s accounts and customers (tests, demo, benchmark)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org cost help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__help__subcmd__advise_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__help__subcmd__advise_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost help advise commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__help__subcmd__generate_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__help__subcmd__generate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost help generate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__help__subcmd__report_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__help__subcmd__report_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost help report commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__help__subcmd__sql_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__help__subcmd__sql_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost help sql commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__report_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__report_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost report commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__cost__subcmd__sql_commands] )) ||
_miyabi-org__subcmd__cost__subcmd__sql_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org cost sql commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__drift_commands] )) ||
_miyabi-org__subcmd__drift_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org drift commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help_commands] )) ||
_miyabi-org__subcmd__help_commands() {
    local commands; commands=(
'init:Scaffold an org repo from the embedded defaults' \
'validate:Run every offline check of the repo; makes no AWS call unless --online' \
'plan:Read the live organization and show what apply would change' \
'apply:Apply a saved plan, or plan and apply, after asking' \
'drift:Plan for CI\: exit 0 when clean, 2 on drift, 1 on error; never writes' \
'org:The live organization' \
'ou:Organizational units' \
'scp:Service control policies (and tag policies) and their attachments' \
'rcp:Resource control policies' \
'account:Accounts\: the account factory, import, move, close' \
'tenant:The tenant registry\: customers, their pools and silos' \
'budget:Budgets of accounts and customers' \
'sso:IAM Identity Center\: permission sets and who may enter which account' \
'cost:Cost per customer from the Cost and Usage Report' \
'worker:Agent-worker tasks in the account each customer lives in' \
'completions:Print a shell completion script' \
'man:Write man pages into a directory' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__account_commands] )) ||
_miyabi-org__subcmd__help__subcmd__account_commands() {
    local commands; commands=(
'create:Place a customer in a pool (created when needed), or create a core account with --template' \
'list:Accounts with their OU, tier, pool, customers and status' \
'import:Adopt an existing account into the repo without recreating it' \
'move:Move a core account to another OU (tenant accounts follow their template)' \
'close:Close an account that hosts no customer, and remove it from the repo' \
    )
    _describe -t commands 'miyabi-org help account commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__account__subcmd__close_commands] )) ||
_miyabi-org__subcmd__help__subcmd__account__subcmd__close_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help account close commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__account__subcmd__create_commands] )) ||
_miyabi-org__subcmd__help__subcmd__account__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help account create commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__account__subcmd__import_commands] )) ||
_miyabi-org__subcmd__help__subcmd__account__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help account import commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__account__subcmd__list_commands] )) ||
_miyabi-org__subcmd__help__subcmd__account__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help account list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__account__subcmd__move_commands] )) ||
_miyabi-org__subcmd__help__subcmd__account__subcmd__move_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help account move commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__help__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__budget_commands] )) ||
_miyabi-org__subcmd__help__subcmd__budget_commands() {
    local commands; commands=(
'list:Declared and live budgets side by side' \
'apply:Plan and apply budgets only' \
    )
    _describe -t commands 'miyabi-org help budget commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__budget__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__help__subcmd__budget__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help budget apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__budget__subcmd__list_commands] )) ||
_miyabi-org__subcmd__help__subcmd__budget__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help budget list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__completions_commands] )) ||
_miyabi-org__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help completions commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__cost_commands] )) ||
_miyabi-org__subcmd__help__subcmd__cost_commands() {
    local commands; commands=(
'report:Cost per customer (or account, pool, tier, service, month), reconciled with the CUR total' \
'sql:The SQL the report runs, for the Athena console' \
'advise:Placement advice from cost per customer\: noisy neighbours, oversized silos, fragmented pools, unit cost per tier (exit 2 when there is advice; nothing is moved)' \
'generate:Write a synthetic CUR for the repo'\''s accounts and customers (tests, demo, benchmark)' \
    )
    _describe -t commands 'miyabi-org help cost commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__cost__subcmd__advise_commands] )) ||
_miyabi-org__subcmd__help__subcmd__cost__subcmd__advise_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help cost advise commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__cost__subcmd__generate_commands] )) ||
_miyabi-org__subcmd__help__subcmd__cost__subcmd__generate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help cost generate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__cost__subcmd__report_commands] )) ||
_miyabi-org__subcmd__help__subcmd__cost__subcmd__report_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help cost report commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__cost__subcmd__sql_commands] )) ||
_miyabi-org__subcmd__help__subcmd__cost__subcmd__sql_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help cost sql commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__drift_commands] )) ||
_miyabi-org__subcmd__help__subcmd__drift_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help drift commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__init_commands] )) ||
_miyabi-org__subcmd__help__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help init commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__man_commands] )) ||
_miyabi-org__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help man commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__org_commands] )) ||
_miyabi-org__subcmd__help__subcmd__org_commands() {
    local commands; commands=(
'show:The organization, its root and a line per OU' \
'tree:The OU tree with accounts and attached policies' \
    )
    _describe -t commands 'miyabi-org help org commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__org__subcmd__show_commands] )) ||
_miyabi-org__subcmd__help__subcmd__org__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help org show commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__org__subcmd__tree_commands] )) ||
_miyabi-org__subcmd__help__subcmd__org__subcmd__tree_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help org tree commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__ou_commands] )) ||
_miyabi-org__subcmd__help__subcmd__ou_commands() {
    local commands; commands=(
'list:Live and declared OUs side by side' \
'apply:Plan and apply the OU tree only' \
    )
    _describe -t commands 'miyabi-org help ou commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__ou__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__help__subcmd__ou__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help ou apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__ou__subcmd__list_commands] )) ||
_miyabi-org__subcmd__help__subcmd__ou__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help ou list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__plan_commands] )) ||
_miyabi-org__subcmd__help__subcmd__plan_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help plan commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__rcp_commands] )) ||
_miyabi-org__subcmd__help__subcmd__rcp_commands() {
    local commands; commands=(
'explain:Which RCP denies an action on the resources of an account\: root, OUs and the account' \
    )
    _describe -t commands 'miyabi-org help rcp commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__rcp__subcmd__explain_commands] )) ||
_miyabi-org__subcmd__help__subcmd__rcp__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help rcp explain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__scp_commands] )) ||
_miyabi-org__subcmd__help__subcmd__scp_commands() {
    local commands; commands=(
'list:Live policies, their targets and whether the repo manages them' \
'validate:Check the policy files offline and show their sizes against the limits' \
'plan:Plan policies and attachments only' \
'apply:Plan and apply policies and attachments only' \
'explain:Which SCP allows or denies an action in an account\: root, OUs and the account, as AWS evaluates them' \
    )
    _describe -t commands 'miyabi-org help scp commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__scp__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__help__subcmd__scp__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help scp apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__scp__subcmd__explain_commands] )) ||
_miyabi-org__subcmd__help__subcmd__scp__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help scp explain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__scp__subcmd__list_commands] )) ||
_miyabi-org__subcmd__help__subcmd__scp__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help scp list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__scp__subcmd__plan_commands] )) ||
_miyabi-org__subcmd__help__subcmd__scp__subcmd__plan_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help scp plan commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__scp__subcmd__validate_commands] )) ||
_miyabi-org__subcmd__help__subcmd__scp__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help scp validate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__sso_commands] )) ||
_miyabi-org__subcmd__help__subcmd__sso_commands() {
    local commands; commands=(
'list:Who reaches which account with which permission set, from the live organization' \
'plan:Plan Identity Center only' \
'apply:Plan and apply Identity Center only, after asking' \
'assign:Add an assignment to miyabi-org.toml, then plan and apply it' \
'unassign:Remove an assignment from miyabi-org.toml, then plan and apply the removal' \
'permission-sets:Declared and live permission sets, with their provisioning state' \
    )
    _describe -t commands 'miyabi-org help sso commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__sso__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__help__subcmd__sso__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help sso apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__sso__subcmd__assign_commands] )) ||
_miyabi-org__subcmd__help__subcmd__sso__subcmd__assign_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help sso assign commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__sso__subcmd__list_commands] )) ||
_miyabi-org__subcmd__help__subcmd__sso__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help sso list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__sso__subcmd__permission-sets_commands] )) ||
_miyabi-org__subcmd__help__subcmd__sso__subcmd__permission-sets_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help sso permission-sets commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__sso__subcmd__plan_commands] )) ||
_miyabi-org__subcmd__help__subcmd__sso__subcmd__plan_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help sso plan commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__sso__subcmd__unassign_commands] )) ||
_miyabi-org__subcmd__help__subcmd__sso__subcmd__unassign_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help sso unassign commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__tenant_commands] )) ||
_miyabi-org__subcmd__help__subcmd__tenant_commands() {
    local commands; commands=(
'list:Every customer with its tier, pool and account' \
'show:One customer, with its placement history' \
'place:Place a customer (the same as \`account create --customer\`)' \
'migrate:Move a customer to another tier or pool, creating the account when needed' \
    )
    _describe -t commands 'miyabi-org help tenant commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__tenant__subcmd__list_commands] )) ||
_miyabi-org__subcmd__help__subcmd__tenant__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help tenant list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__tenant__subcmd__migrate_commands] )) ||
_miyabi-org__subcmd__help__subcmd__tenant__subcmd__migrate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help tenant migrate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__tenant__subcmd__place_commands] )) ||
_miyabi-org__subcmd__help__subcmd__tenant__subcmd__place_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help tenant place commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__tenant__subcmd__show_commands] )) ||
_miyabi-org__subcmd__help__subcmd__tenant__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help tenant show commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__validate_commands] )) ||
_miyabi-org__subcmd__help__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help validate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker_commands() {
    local commands; commands=(
'dispatch:Send a task (or a JSONL file of tasks) to the queue of the customer'\''s account' \
'status:Queue depth, in-flight, delayed, dead letters, ECS counts and the scaling state, one row per account' \
'tasks:A customer'\''s tasks from the task table' \
'cancel:Mark tasks cancelled in the task table (workers skip them); nothing is deleted' \
'redrive:Move dead letters back to the task queue' \
'scale:Set the desired count of the workers'\'' ECS service, within \[workers.scaling\] min..max (asks first)' \
'autoscale:The step rule of \[workers.scaling\] applied now to each account'\''s queue\: shown, and set with --apply' \
'drain:Refuse new tasks for a pool, suspend its scaling, wait for its queue to empty, then scale its workers to 0' \
'resume:Undo \`worker drain\`\: tasks accepted and scaling resumed, desired count back to min' \
    )
    _describe -t commands 'miyabi-org help worker commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__autoscale_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__autoscale_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker autoscale commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__cancel_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker cancel commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__dispatch_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__dispatch_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker dispatch commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__drain_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__drain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker drain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__redrive_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__redrive_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker redrive commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__resume_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__resume_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker resume commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__scale_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__scale_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker scale commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__status_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker status commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__help__subcmd__worker__subcmd__tasks_commands] )) ||
_miyabi-org__subcmd__help__subcmd__worker__subcmd__tasks_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org help worker tasks commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__init_commands] )) ||
_miyabi-org__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org init commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__man_commands] )) ||
_miyabi-org__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org man commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__org_commands] )) ||
_miyabi-org__subcmd__org_commands() {
    local commands; commands=(
'show:The organization, its root and a line per OU' \
'tree:The OU tree with accounts and attached policies' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org org commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__org__subcmd__help_commands] )) ||
_miyabi-org__subcmd__org__subcmd__help_commands() {
    local commands; commands=(
'show:The organization, its root and a line per OU' \
'tree:The OU tree with accounts and attached policies' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org org help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__org__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__org__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org org help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__org__subcmd__help__subcmd__show_commands] )) ||
_miyabi-org__subcmd__org__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org org help show commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__org__subcmd__help__subcmd__tree_commands] )) ||
_miyabi-org__subcmd__org__subcmd__help__subcmd__tree_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org org help tree commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__org__subcmd__show_commands] )) ||
_miyabi-org__subcmd__org__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org org show commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__org__subcmd__tree_commands] )) ||
_miyabi-org__subcmd__org__subcmd__tree_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org org tree commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__ou_commands] )) ||
_miyabi-org__subcmd__ou_commands() {
    local commands; commands=(
'list:Live and declared OUs side by side' \
'apply:Plan and apply the OU tree only' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org ou commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__ou__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__ou__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org ou apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__ou__subcmd__help_commands] )) ||
_miyabi-org__subcmd__ou__subcmd__help_commands() {
    local commands; commands=(
'list:Live and declared OUs side by side' \
'apply:Plan and apply the OU tree only' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org ou help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__ou__subcmd__help__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__ou__subcmd__help__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org ou help apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__ou__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__ou__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org ou help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__ou__subcmd__help__subcmd__list_commands] )) ||
_miyabi-org__subcmd__ou__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org ou help list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__ou__subcmd__list_commands] )) ||
_miyabi-org__subcmd__ou__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org ou list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__plan_commands] )) ||
_miyabi-org__subcmd__plan_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org plan commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__rcp_commands] )) ||
_miyabi-org__subcmd__rcp_commands() {
    local commands; commands=(
'explain:Which RCP denies an action on the resources of an account\: root, OUs and the account' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org rcp commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__rcp__subcmd__explain_commands] )) ||
_miyabi-org__subcmd__rcp__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org rcp explain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__rcp__subcmd__help_commands] )) ||
_miyabi-org__subcmd__rcp__subcmd__help_commands() {
    local commands; commands=(
'explain:Which RCP denies an action on the resources of an account\: root, OUs and the account' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org rcp help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__rcp__subcmd__help__subcmd__explain_commands] )) ||
_miyabi-org__subcmd__rcp__subcmd__help__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org rcp help explain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__rcp__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__rcp__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org rcp help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp_commands] )) ||
_miyabi-org__subcmd__scp_commands() {
    local commands; commands=(
'list:Live policies, their targets and whether the repo manages them' \
'validate:Check the policy files offline and show their sizes against the limits' \
'plan:Plan policies and attachments only' \
'apply:Plan and apply policies and attachments only' \
'explain:Which SCP allows or denies an action in an account\: root, OUs and the account, as AWS evaluates them' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org scp commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__explain_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp explain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__help_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__help_commands() {
    local commands; commands=(
'list:Live policies, their targets and whether the repo manages them' \
'validate:Check the policy files offline and show their sizes against the limits' \
'plan:Plan policies and attachments only' \
'apply:Plan and apply policies and attachments only' \
'explain:Which SCP allows or denies an action in an account\: root, OUs and the account, as AWS evaluates them' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org scp help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__help__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__help__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp help apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__help__subcmd__explain_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__help__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp help explain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__help__subcmd__list_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp help list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__help__subcmd__plan_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__help__subcmd__plan_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp help plan commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__help__subcmd__validate_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__help__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp help validate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__list_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__plan_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__plan_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp plan commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__scp__subcmd__validate_commands] )) ||
_miyabi-org__subcmd__scp__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org scp validate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso_commands] )) ||
_miyabi-org__subcmd__sso_commands() {
    local commands; commands=(
'list:Who reaches which account with which permission set, from the live organization' \
'plan:Plan Identity Center only' \
'apply:Plan and apply Identity Center only, after asking' \
'assign:Add an assignment to miyabi-org.toml, then plan and apply it' \
'unassign:Remove an assignment from miyabi-org.toml, then plan and apply the removal' \
'permission-sets:Declared and live permission sets, with their provisioning state' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org sso commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__assign_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__assign_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso assign commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__help_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__help_commands() {
    local commands; commands=(
'list:Who reaches which account with which permission set, from the live organization' \
'plan:Plan Identity Center only' \
'apply:Plan and apply Identity Center only, after asking' \
'assign:Add an assignment to miyabi-org.toml, then plan and apply it' \
'unassign:Remove an assignment from miyabi-org.toml, then plan and apply the removal' \
'permission-sets:Declared and live permission sets, with their provisioning state' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org sso help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__help__subcmd__apply_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__help__subcmd__apply_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso help apply commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__help__subcmd__assign_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__help__subcmd__assign_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso help assign commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__help__subcmd__list_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso help list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__help__subcmd__permission-sets_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__help__subcmd__permission-sets_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso help permission-sets commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__help__subcmd__plan_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__help__subcmd__plan_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso help plan commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__help__subcmd__unassign_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__help__subcmd__unassign_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso help unassign commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__list_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__permission-sets_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__permission-sets_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso permission-sets commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__plan_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__plan_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso plan commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__sso__subcmd__unassign_commands] )) ||
_miyabi-org__subcmd__sso__subcmd__unassign_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org sso unassign commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant_commands] )) ||
_miyabi-org__subcmd__tenant_commands() {
    local commands; commands=(
'list:Every customer with its tier, pool and account' \
'show:One customer, with its placement history' \
'place:Place a customer (the same as \`account create --customer\`)' \
'migrate:Move a customer to another tier or pool, creating the account when needed' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org tenant commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__help_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__help_commands() {
    local commands; commands=(
'list:Every customer with its tier, pool and account' \
'show:One customer, with its placement history' \
'place:Place a customer (the same as \`account create --customer\`)' \
'migrate:Move a customer to another tier or pool, creating the account when needed' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org tenant help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__help__subcmd__list_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant help list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__help__subcmd__migrate_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__help__subcmd__migrate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant help migrate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__help__subcmd__place_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__help__subcmd__place_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant help place commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__help__subcmd__show_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant help show commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__list_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant list commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__migrate_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__migrate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant migrate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__place_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__place_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant place commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__tenant__subcmd__show_commands] )) ||
_miyabi-org__subcmd__tenant__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org tenant show commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__validate_commands] )) ||
_miyabi-org__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org validate commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker_commands] )) ||
_miyabi-org__subcmd__worker_commands() {
    local commands; commands=(
'dispatch:Send a task (or a JSONL file of tasks) to the queue of the customer'\''s account' \
'status:Queue depth, in-flight, delayed, dead letters, ECS counts and the scaling state, one row per account' \
'tasks:A customer'\''s tasks from the task table' \
'cancel:Mark tasks cancelled in the task table (workers skip them); nothing is deleted' \
'redrive:Move dead letters back to the task queue' \
'scale:Set the desired count of the workers'\'' ECS service, within \[workers.scaling\] min..max (asks first)' \
'autoscale:The step rule of \[workers.scaling\] applied now to each account'\''s queue\: shown, and set with --apply' \
'drain:Refuse new tasks for a pool, suspend its scaling, wait for its queue to empty, then scale its workers to 0' \
'resume:Undo \`worker drain\`\: tasks accepted and scaling resumed, desired count back to min' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org worker commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__autoscale_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__autoscale_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker autoscale commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__cancel_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker cancel commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__dispatch_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__dispatch_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker dispatch commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__drain_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__drain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker drain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help_commands() {
    local commands; commands=(
'dispatch:Send a task (or a JSONL file of tasks) to the queue of the customer'\''s account' \
'status:Queue depth, in-flight, delayed, dead letters, ECS counts and the scaling state, one row per account' \
'tasks:A customer'\''s tasks from the task table' \
'cancel:Mark tasks cancelled in the task table (workers skip them); nothing is deleted' \
'redrive:Move dead letters back to the task queue' \
'scale:Set the desired count of the workers'\'' ECS service, within \[workers.scaling\] min..max (asks first)' \
'autoscale:The step rule of \[workers.scaling\] applied now to each account'\''s queue\: shown, and set with --apply' \
'drain:Refuse new tasks for a pool, suspend its scaling, wait for its queue to empty, then scale its workers to 0' \
'resume:Undo \`worker drain\`\: tasks accepted and scaling resumed, desired count back to min' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'miyabi-org worker help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__autoscale_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__autoscale_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help autoscale commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__cancel_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help cancel commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__dispatch_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__dispatch_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help dispatch commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__drain_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__drain_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help drain commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__help_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help help commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__redrive_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__redrive_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help redrive commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__resume_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__resume_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help resume commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__scale_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__scale_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help scale commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__status_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help status commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__help__subcmd__tasks_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__help__subcmd__tasks_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker help tasks commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__redrive_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__redrive_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker redrive commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__resume_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__resume_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker resume commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__scale_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__scale_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker scale commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__status_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker status commands' commands "$@"
}
(( $+functions[_miyabi-org__subcmd__worker__subcmd__tasks_commands] )) ||
_miyabi-org__subcmd__worker__subcmd__tasks_commands() {
    local commands; commands=()
    _describe -t commands 'miyabi-org worker tasks commands' commands "$@"
}

if [ "$funcstack[1]" = "_miyabi-org" ]; then
    _miyabi-org "$@"
else
    compdef _miyabi-org miyabi-org
fi
