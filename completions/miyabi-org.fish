# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_miyabi_org_global_optspecs
    string join \n config= profile= region= endpoint-url= o/output= color= q/quiet v/verbose y/yes no-progress h/help V/version
end

function __fish_miyabi_org_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_miyabi_org_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_miyabi_org_using_subcommand
    set -l cmd (__fish_miyabi_org_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -s V -l version -d 'Print version'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "init" -d 'Scaffold an org repo from the embedded defaults'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "validate" -d 'Run every offline check of the repo; makes no AWS call unless --online'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "plan" -d 'Read the live organization and show what apply would change'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "apply" -d 'Apply a saved plan, or plan and apply, after asking'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "drift" -d 'Plan for CI: exit 0 when clean, 2 on drift, 1 on error; never writes'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "org" -d 'The live organization'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "ou" -d 'Organizational units'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "scp" -d 'Service control policies (and tag policies) and their attachments'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "rcp" -d 'Resource control policies'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "account" -d 'Accounts: the account factory, import, move, close'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "tenant" -d 'The tenant registry: customers, their pools and silos'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "budget" -d 'Budgets of accounts and customers'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "sso" -d 'IAM Identity Center: permission sets and who may enter which account'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "cost" -d 'Cost per customer from the Cost and Usage Report'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "worker" -d 'Agent-worker tasks in the account each customer lives in'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "man" -d 'Write man pages into a directory'
complete -c miyabi-org -n "__fish_miyabi_org_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -l online -d 'Then send every SCP and RCP to IAM Access Analyzer\'s ValidatePolicy and show its findings'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l only -d 'Limit to these parts of the organization' -r -f -a "ou\t'Organizational units'
scp\t'Service control and tag policies, and their attachments to the root and OUs'
account\t'Accounts: creation, OU, tags, account-level SCPs; the tenant registry\'s pools'
budget\t'Budgets of accounts and customers'
sso\t'IAM Identity Center: permission sets and account assignments'
workers\t'The agent workers\' queues and task tables in the accounts that run them'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l out -d 'Save the plan for `apply FILE`' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l all-principals -d 'Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l detailed-exitcode -d 'Exit 2 when there are changes, 0 when there are none'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -l only -d 'Limit to these parts of the organization' -r -f -a "ou\t'Organizational units'
scp\t'Service control and tag policies, and their attachments to the root and OUs'
account\t'Accounts: creation, OU, tags, account-level SCPs; the tenant registry\'s pools'
budget\t'Budgets of accounts and customers'
sso\t'IAM Identity Center: permission sets and account assignments'
workers\t'The agent workers\' queues and task tables in the accounts that run them'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -l all-principals -d 'Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -l only -d 'Limit to these parts of the organization' -r -f -a "ou\t'Organizational units'
scp\t'Service control and tag policies, and their attachments to the root and OUs'
account\t'Accounts: creation, OU, tags, account-level SCPs; the tenant registry\'s pools'
budget\t'Budgets of accounts and customers'
sso\t'IAM Identity Center: permission sets and account assignments'
workers\t'The agent workers\' queues and task tables in the accounts that run them'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -l all-principals -d 'Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand drift" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -f -a "show" -d 'The organization, its root and a line per OU'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -f -a "tree" -d 'The OU tree with accounts and attached policies'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and not __fish_seen_subcommand_from show tree help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from help" -f -a "show" -d 'The organization, its root and a line per OU'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from help" -f -a "tree" -d 'The OU tree with accounts and attached policies'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand org; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -f -a "list" -d 'Live and declared OUs side by side'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -f -a "apply" -d 'Plan and apply the OU tree only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and not __fish_seen_subcommand_from list apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from help" -f -a "list" -d 'Live and declared OUs side by side'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Plan and apply the OU tree only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand ou; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -f -a "list" -d 'Live policies, their targets and whether the repo manages them'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -f -a "validate" -d 'Check the policy files offline and show their sizes against the limits'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -f -a "plan" -d 'Plan policies and attachments only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -f -a "apply" -d 'Plan and apply policies and attachments only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -f -a "explain" -d 'Which SCP allows or denies an action in an account: root, OUs and the account, as AWS evaluates them'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and not __fish_seen_subcommand_from list validate plan apply explain help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -l out -d 'Save the plan for `apply FILE`' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -l detailed-exitcode -d 'Exit 2 when there are changes, 0 when there are none'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l account -d 'The account, by name or id' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l action -d 'The action, as service:Action (s3:PutObject)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l resource -d 'The resource ARN the action is on; statements limited to resources are shown as depending on it without one' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l all-accounts -d 'Every account where the action is not allowed, from one read of the organization'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l repo -d 'From the repo alone, with no AWS call: the policies and attachments the repo declares'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from help" -f -a "list" -d 'Live policies, their targets and whether the repo manages them'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check the policy files offline and show their sizes against the limits'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Plan policies and attachments only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Plan and apply policies and attachments only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Which SCP allows or denies an action in an account: root, OUs and the account, as AWS evaluates them'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand scp; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -f -a "explain" -d 'Which RCP denies an action on the resources of an account: root, OUs and the account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and not __fish_seen_subcommand_from explain help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l account -d 'The account, by name or id' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l action -d 'The action, as service:Action (s3:PutObject)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l resource -d 'The resource ARN the action is on; statements limited to resources are shown as depending on it without one' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l all-accounts -d 'Every account where the action is not allowed, from one read of the organization'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l repo -d 'From the repo alone, with no AWS call: the policies and attachments the repo declares'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Which RCP denies an action on the resources of an account: root, OUs and the account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand rcp; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -f -a "create" -d 'Place a customer in a pool (created when needed), or create a core account with --template'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -f -a "list" -d 'Accounts with their OU, tier, pool, customers and status'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -f -a "import" -d 'Adopt an existing account into the repo without recreating it'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -f -a "move" -d 'Move a core account to another OU (tenant accounts follow their template)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -f -a "close" -d 'Close an account that hosts no customer, and remove it from the repo'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and not __fish_seen_subcommand_from create list import move close help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l customer -d 'The customer id ([A-Za-z0-9][A-Za-z0-9-]{0,62})' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l tier -d 'The tier from [tenancy.tier] (default: pool)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l pool -d 'This pool number rather than the first with room' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l budget-usd -d 'Monthly budget for the customer\'s tagged cost' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l template -d 'A core account from this template (with --name)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l name -d 'The core account\'s name' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l ou -d 'The core account\'s OU, instead of the template\'s' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l email -d 'The core account\'s email, instead of [organization] email' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l silo -d 'A dedicated account: the tier `silo`'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l dry-run -d 'Show the plan and change nothing'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l pool -d 'As this pool (with --tier, default pool)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l tier -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l core -d 'As a core account of this name' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l template -d 'The core account\'s template' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l dry-run
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -l ou -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -l dry-run
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -l confirm -d 'The account\'s name, to close without typing it (with --yes)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "create" -d 'Place a customer in a pool (created when needed), or create a core account with --template'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "list" -d 'Accounts with their OU, tier, pool, customers and status'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "import" -d 'Adopt an existing account into the repo without recreating it'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move a core account to another OU (tenant accounts follow their template)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close an account that hosts no customer, and remove it from the repo'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -f -a "list" -d 'Every customer with its tier, pool and account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -f -a "show" -d 'One customer, with its placement history'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -f -a "place" -d 'Place a customer (the same as `account create --customer`)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -f -a "migrate" -d 'Move a customer to another tier or pool, creating the account when needed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and not __fish_seen_subcommand_from list show place migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l tier -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l pool -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l budget-usd -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l dry-run
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from place" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l to -d 'The tier to move to (silo, pool, ...)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l pool -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l dry-run
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every customer with its tier, pool and account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "show" -d 'One customer, with its placement history'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "place" -d 'Place a customer (the same as `account create --customer`)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Move a customer to another tier or pool, creating the account when needed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -f -a "list" -d 'Declared and live budgets side by side'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -f -a "apply" -d 'Plan and apply budgets only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and not __fish_seen_subcommand_from list apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "list" -d 'Declared and live budgets side by side'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Plan and apply budgets only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -f -a "list" -d 'Who reaches which account with which permission set, from the live organization'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -f -a "plan" -d 'Plan Identity Center only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -f -a "apply" -d 'Plan and apply Identity Center only, after asking'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -f -a "assign" -d 'Add an assignment to miyabi-org.toml, then plan and apply it'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -f -a "unassign" -d 'Remove an assignment from miyabi-org.toml, then plan and apply the removal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -f -a "permission-sets" -d 'Declared and live permission sets, with their provisioning state'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and not __fish_seen_subcommand_from list plan apply assign unassign permission-sets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l account -d 'Only this account (name or id)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l principal -d 'Only this group or user' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l customer -d 'Only the account this customer is placed in' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l all-principals -d 'Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l out -d 'Save the plan for `apply FILE`' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l all-principals -d 'Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l detailed-exitcode -d 'Exit 2 when there are changes, 0 when there are none'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -l all-principals -d 'Also read the grants of principals the repo does not name (one ListAccountAssignments per provisioned account and permission set); they are reported as unmanaged, never removed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l group -d 'A group, by DisplayName' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l user -d 'A user, by UserName' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l permission-set -d 'A permission set declared in [sso.permission_set]' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l account -d 'An account, by name or id' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l ou -d 'Every account below an OU' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l tier -d 'Every account of a tier' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l customer -d 'The account a customer is placed in' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l dry-run -d 'Show the plan of the edit; write nothing, to miyabi-org.toml or to AWS'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l group -d 'A group, by DisplayName' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l user -d 'A user, by UserName' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l permission-set -d 'A permission set declared in [sso.permission_set]' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l account -d 'An account, by name or id' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l ou -d 'Every account below an OU' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l tier -d 'Every account of a tier' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l customer -d 'The account a customer is placed in' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l dry-run -d 'Show the plan of the edit; write nothing, to miyabi-org.toml or to AWS'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from unassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from permission-sets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from help" -f -a "list" -d 'Who reaches which account with which permission set, from the live organization'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Plan Identity Center only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Plan and apply Identity Center only, after asking'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Add an assignment to miyabi-org.toml, then plan and apply it'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from help" -f -a "unassign" -d 'Remove an assignment from miyabi-org.toml, then plan and apply the removal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from help" -f -a "permission-sets" -d 'Declared and live permission sets, with their provisioning state'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand sso; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -f -a "report" -d 'Cost per customer (or account, pool, tier, service, month), reconciled with the CUR total'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -f -a "sql" -d 'The SQL the report runs, for the Athena console'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -f -a "advise" -d 'Placement advice from cost per customer: noisy neighbours, oversized silos, fragmented pools, unit cost per tier (exit 2 when there is advice; nothing is moved)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -f -a "generate" -d 'Write a synthetic CUR for the repo\'s accounts and customers (tests, demo, benchmark)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and not __fish_seen_subcommand_from report sql advise generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l by -d 'What one row of the report is' -r -f -a "customer\t''
account\t''
pool\t''
tier\t''
service\t''
month\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l month -d 'One month, YYYY-MM (default: the last full month)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l from -d 'First month of a range, YYYY-MM' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l to -d 'Last month of a range, YYYY-MM' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l engine -d 'Where to read the CUR (default: [cost] engine)' -r -f -a "athena\t''
cost-explorer\t''
local\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l schema -d 'The CUR\'s schema (default: [cost] schema)' -r -f -a "cur2\t'CUR 2.0 (Data Exports): tags in the map `resource_tags`, `BILLING_PERIOD=YYYY-MM` partitions'
legacy\t'Legacy CUR: one `resource_tags_user_<tag>` column per tag, `year=YYYY/month=M` partitions'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l metric -d 'Which cost (default: [cost] metric)' -r -f -a "unblended\t''
amortized\t'As the Cloud Intelligence Dashboards summary view amortizes Savings Plans and RIs'
net-amortized\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l shared -d 'How untagged pool cost is split (default: [cost] shared)' -r -f -a "proportional\t'Untagged pool cost split by each customer\'s tagged cost'
even\t'Split evenly among the pool\'s customers'
none\t'Left unallocated, reported as such'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l path -d 'The CUR files for the local engine (default: [cost.local] path)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l top -d 'Only the N largest rows; the rest are summed in one line' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l chart -d 'A bar per row, scaled to the widest (table output)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l by -d 'What one row of the report is' -r -f -a "customer\t''
account\t''
pool\t''
tier\t''
service\t''
month\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l month -d 'One month, YYYY-MM (default: the last full month)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l from -d 'First month of a range, YYYY-MM' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l to -d 'Last month of a range, YYYY-MM' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l engine -d 'Where to read the CUR (default: [cost] engine)' -r -f -a "athena\t''
cost-explorer\t''
local\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l schema -d 'The CUR\'s schema (default: [cost] schema)' -r -f -a "cur2\t'CUR 2.0 (Data Exports): tags in the map `resource_tags`, `BILLING_PERIOD=YYYY-MM` partitions'
legacy\t'Legacy CUR: one `resource_tags_user_<tag>` column per tag, `year=YYYY/month=M` partitions'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l metric -d 'Which cost (default: [cost] metric)' -r -f -a "unblended\t''
amortized\t'As the Cloud Intelligence Dashboards summary view amortizes Savings Plans and RIs'
net-amortized\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l shared -d 'How untagged pool cost is split (default: [cost] shared)' -r -f -a "proportional\t'Untagged pool cost split by each customer\'s tagged cost'
even\t'Split evenly among the pool\'s customers'
none\t'Left unallocated, reported as such'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l path -d 'The CUR files for the local engine (default: [cost.local] path)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from sql" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l months -d 'How many full months to judge by; advice holds only if it holds in each' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l to -d 'The last month of the window, YYYY-MM (default: the last full month)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l engine -d 'Where to read the CUR (default: [cost] engine)' -r -f -a "athena\t''
cost-explorer\t''
local\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l schema -d 'The CUR\'s schema (default: [cost] schema)' -r -f -a "cur2\t'CUR 2.0 (Data Exports): tags in the map `resource_tags`, `BILLING_PERIOD=YYYY-MM` partitions'
legacy\t'Legacy CUR: one `resource_tags_user_<tag>` column per tag, `year=YYYY/month=M` partitions'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l metric -d 'Which cost (default: [cost] metric)' -r -f -a "unblended\t''
amortized\t'As the Cloud Intelligence Dashboards summary view amortizes Savings Plans and RIs'
net-amortized\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l shared -d 'How untagged pool cost is split (default: [cost] shared)' -r -f -a "proportional\t'Untagged pool cost split by each customer\'s tagged cost'
even\t'Split evenly among the pool\'s customers'
none\t'Left unallocated, reported as such'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l path -d 'The CUR files for the local engine (default: [cost.local] path)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from advise" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l out -d 'Where to write the files' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l schema -r -f -a "cur2\t'CUR 2.0 (Data Exports): tags in the map `resource_tags`, `BILLING_PERIOD=YYYY-MM` partitions'
legacy\t'Legacy CUR: one `resource_tags_user_<tag>` column per tag, `year=YYYY/month=M` partitions'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l format -r -f -a "parquet\t''
csv\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l from -d 'First month, YYYY-MM' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l to -d 'Last month, YYYY-MM' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l rows-per-month -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l seed -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l scale -d 'CUSTOMER=FACTOR: that customer\'s lines cost FACTOR times as much (repeatable)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "report" -d 'Cost per customer (or account, pool, tier, service, month), reconciled with the CUR total'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "sql" -d 'The SQL the report runs, for the Athena console'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "advise" -d 'Placement advice from cost per customer: noisy neighbours, oversized silos, fragmented pools, unit cost per tier (exit 2 when there is advice; nothing is moved)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Write a synthetic CUR for the repo\'s accounts and customers (tests, demo, benchmark)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "dispatch" -d 'Send a task (or a JSONL file of tasks) to the queue of the customer\'s account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "status" -d 'Queue depth, in-flight, delayed, dead letters, ECS counts and the scaling state, one row per account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "tasks" -d 'A customer\'s tasks from the task table'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "cancel" -d 'Mark tasks cancelled in the task table (workers skip them); nothing is deleted'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "redrive" -d 'Move dead letters back to the task queue'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "scale" -d 'Set the desired count of the workers\' ECS service, within [workers.scaling] min..max (asks first)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "autoscale" -d 'The step rule of [workers.scaling] applied now to each account\'s queue: shown, and set with --apply'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "drain" -d 'Refuse new tasks for a pool, suspend its scaling, wait for its queue to empty, then scale its workers to 0'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "resume" -d 'Undo `worker drain`: tasks accepted and scaling resumed, desired count back to min'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and not __fish_seen_subcommand_from dispatch status tasks cancel redrive scale autoscale drain resume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l customer -d 'The customer the task is for' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l issue -d 'OWNER/REPO#N or https://github.com/OWNER/REPO/issues/N' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l kind -d 'What the worker should do with the issue' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l priority -r -f -a "low\t''
normal\t''
high\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l note -d 'Free text for the worker, sent in the message' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l file -d 'One task per line: {"customer", "issue", "kind"?, "priority"?, "note"?, "again"?}' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l again -d 'Dispatch again what was dispatched before, as a new attempt with its own id'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from dispatch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l tier -d 'Only the accounts of this tier' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l pool -d 'Only this pool (of the tier given, or `pool`)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l customer -d 'Only the account of this customer, with its tasks by state' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l interval -d 'Seconds between reads with --watch' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l fail-on -d 'Exit 2 when the condition holds: `dlq` (any dead letter), `backlog=N` (an account with more than N visible)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l watch -d 'Read again every --interval seconds until interrupted'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -l customer -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -l state -d 'Only tasks in this state' -r -f -a "queued\t''
running\t''
succeeded\t''
failed\t''
dead-lettered\t''
cancelled\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from tasks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -l customer -d 'Cancel every task of this customer in --state (asks first)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -l state -r -f -a "queued\t''
running\t''
succeeded\t''
failed\t''
dead-lettered\t''
cancelled\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -l customer -d 'Only this customer\'s dead letters (all accounts\' otherwise)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -l rate -d 'At most this many messages moved a second, per account' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from redrive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l tier -d 'Only the accounts of this tier' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l pool -d 'Only this pool (of the tier given, or `pool`)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l customer -d 'Only the account of this customer, with its tasks by state' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l desired -d 'The number of worker tasks to run' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l force -d 'Allow a count outside [workers.scaling] min..max (the alarms bring it back within)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from scale" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l tier -d 'Only the accounts of this tier' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l pool -d 'Only this pool (of the tier given, or `pool`)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l customer -d 'Only the account of this customer, with its tasks by state' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l apply -d 'Set the desired counts shown (asks first, or --yes)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from autoscale" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l pool -d 'The pool\'s number' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l tier -d 'The pool\'s tier' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l timeout -d 'How long to wait for the queue to empty: 90s, 30m, 2h' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l interval -d 'Seconds between reads of the queue while waiting' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from drain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -l pool -d 'The pool\'s number' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -l tier -d 'The pool\'s tier' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "dispatch" -d 'Send a task (or a JSONL file of tasks) to the queue of the customer\'s account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "status" -d 'Queue depth, in-flight, delayed, dead letters, ECS counts and the scaling state, one row per account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "tasks" -d 'A customer\'s tasks from the task table'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Mark tasks cancelled in the task table (workers skip them); nothing is deleted'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "redrive" -d 'Move dead letters back to the task queue'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "scale" -d 'Set the desired count of the workers\' ECS service, within [workers.scaling] min..max (asks first)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "autoscale" -d 'The step rule of [workers.scaling] applied now to each account\'s queue: shown, and set with --apply'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "drain" -d 'Refuse new tasks for a pool, suspend its scaling, wait for its queue to empty, then scale its workers to 0'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Undo `worker drain`: tasks accepted and scaling resumed, desired count back to min'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -l config -d 'The org repo (default: the first directory upwards holding miyabi-org.toml)' -r -F
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -l profile -d 'AWS profile from ~/.aws/config (default: the SDK\'s default chain)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -l region -d 'AWS region for the SDK (default: the profile\'s, then [organization] home_region)' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -l endpoint-url -d 'Send every AWS call to this endpoint, such as the local sandbox' -r
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -s o -l output -d 'How to print results' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''
github\t'GitHub Actions workflow commands: annotations on the files of a pull request'
html\t'One self-contained page with inline SVG charts (`cost report`)'"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -l color -d 'When to color the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -s q -l quiet -d 'Print only results and errors'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -s v -l verbose -d 'Also print API calls by operation and timings, and every item of lists that text output summarises'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations; required to apply when standard input is not a terminal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -l no-progress -d 'Plain lines instead of progress bars and spinners'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "init" -d 'Scaffold an org repo from the embedded defaults'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "validate" -d 'Run every offline check of the repo; makes no AWS call unless --online'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "plan" -d 'Read the live organization and show what apply would change'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "apply" -d 'Apply a saved plan, or plan and apply, after asking'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "drift" -d 'Plan for CI: exit 0 when clean, 2 on drift, 1 on error; never writes'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "org" -d 'The live organization'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "ou" -d 'Organizational units'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "scp" -d 'Service control policies (and tag policies) and their attachments'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "rcp" -d 'Resource control policies'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "account" -d 'Accounts: the account factory, import, move, close'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "tenant" -d 'The tenant registry: customers, their pools and silos'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "budget" -d 'Budgets of accounts and customers'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "sso" -d 'IAM Identity Center: permission sets and who may enter which account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "cost" -d 'Cost per customer from the Cost and Usage Report'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "worker" -d 'Agent-worker tasks in the account each customer lives in'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "man" -d 'Write man pages into a directory'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and not __fish_seen_subcommand_from init validate plan apply drift org ou scp rcp account tenant budget sso cost worker completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from org" -f -a "show" -d 'The organization, its root and a line per OU'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from org" -f -a "tree" -d 'The OU tree with accounts and attached policies'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from ou" -f -a "list" -d 'Live and declared OUs side by side'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from ou" -f -a "apply" -d 'Plan and apply the OU tree only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from scp" -f -a "list" -d 'Live policies, their targets and whether the repo manages them'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from scp" -f -a "validate" -d 'Check the policy files offline and show their sizes against the limits'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from scp" -f -a "plan" -d 'Plan policies and attachments only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from scp" -f -a "apply" -d 'Plan and apply policies and attachments only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from scp" -f -a "explain" -d 'Which SCP allows or denies an action in an account: root, OUs and the account, as AWS evaluates them'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from rcp" -f -a "explain" -d 'Which RCP denies an action on the resources of an account: root, OUs and the account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "create" -d 'Place a customer in a pool (created when needed), or create a core account with --template'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "list" -d 'Accounts with their OU, tier, pool, customers and status'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "import" -d 'Adopt an existing account into the repo without recreating it'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "move" -d 'Move a core account to another OU (tenant accounts follow their template)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "close" -d 'Close an account that hosts no customer, and remove it from the repo'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "list" -d 'Every customer with its tier, pool and account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "show" -d 'One customer, with its placement history'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "place" -d 'Place a customer (the same as `account create --customer`)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "migrate" -d 'Move a customer to another tier or pool, creating the account when needed'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "list" -d 'Declared and live budgets side by side'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "apply" -d 'Plan and apply budgets only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from sso" -f -a "list" -d 'Who reaches which account with which permission set, from the live organization'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from sso" -f -a "plan" -d 'Plan Identity Center only'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from sso" -f -a "apply" -d 'Plan and apply Identity Center only, after asking'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from sso" -f -a "assign" -d 'Add an assignment to miyabi-org.toml, then plan and apply it'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from sso" -f -a "unassign" -d 'Remove an assignment from miyabi-org.toml, then plan and apply the removal'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from sso" -f -a "permission-sets" -d 'Declared and live permission sets, with their provisioning state'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "report" -d 'Cost per customer (or account, pool, tier, service, month), reconciled with the CUR total'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "sql" -d 'The SQL the report runs, for the Athena console'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "advise" -d 'Placement advice from cost per customer: noisy neighbours, oversized silos, fragmented pools, unit cost per tier (exit 2 when there is advice; nothing is moved)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "generate" -d 'Write a synthetic CUR for the repo\'s accounts and customers (tests, demo, benchmark)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "dispatch" -d 'Send a task (or a JSONL file of tasks) to the queue of the customer\'s account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "status" -d 'Queue depth, in-flight, delayed, dead letters, ECS counts and the scaling state, one row per account'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "tasks" -d 'A customer\'s tasks from the task table'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "cancel" -d 'Mark tasks cancelled in the task table (workers skip them); nothing is deleted'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "redrive" -d 'Move dead letters back to the task queue'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "scale" -d 'Set the desired count of the workers\' ECS service, within [workers.scaling] min..max (asks first)'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "autoscale" -d 'The step rule of [workers.scaling] applied now to each account\'s queue: shown, and set with --apply'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "drain" -d 'Refuse new tasks for a pool, suspend its scaling, wait for its queue to empty, then scale its workers to 0'
complete -c miyabi-org -n "__fish_miyabi_org_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "resume" -d 'Undo `worker drain`: tasks accepted and scaling resumed, desired count back to min'
