# bash completion for citelint                                 -*- shell-script -*-
#
# Install: source this file from ~/.bashrc, or copy it to
# /usr/share/bash-completion/completions/citelint (or
# ~/.local/share/bash-completion/completions/citelint).
#
# Works in plain bash; the bash-completion package is not needed.
# Rule ids come from `citelint rules`, run with the citelint being completed
# (and any --rules-dir / --rules already on the line).
#
# tests/completion_test.py keeps the subcommands, flags and value choices here
# in step with `citelint --help` and `citelint SUBCOMMAND --help`.

_citelint_subcommands="check config graph rules explain test report serve quotes inspect"

# The flags of a subcommand ("" for the top level).
_citelint_flags() {
    case $1 in
        "") echo "-h --help --version" ;;
        check) echo "-h --help --format --baseline --write-baseline --output-file --max-file-size --select --ignore --quiet
                     --color -j --jobs --stdin-filename --force-exclude --statistics --max-warnings --fail-on
                     --input-format --rules-dir --preview --profile --config --rules" ;;
        config) echo "-h --help --print --config --rules-dir" ;;
        graph) echo "-h --help --format --input-format --rules-dir" ;;
        rules) echo "-h --help --format --rules-dir --rules" ;;
        explain) echo "-h --help --rules-dir --rules" ;;
        test) echo "-h --help --rules-dir --rules" ;;
        report) echo "-h --help -o --output --input-format --config --profile --rules --rules-dir" ;;
        serve) echo "-h --help --listen --token-file --config --rules --rules-dir --max-body --max-header
                     --request-timeout --workers --max-in-flight" ;;
        quotes) echo "-h --help --format --input-format --rules-dir" ;;
        inspect) echo "-h --help --input-format" ;;
    esac
}

# How a flag's value completes: "choice WORDS...", rules, dirs, files, none
# (a value with nothing to offer), or nothing at all for a flag that takes no
# value.
_citelint_value() {
    case $1:$2 in
        check:--format) echo "choice text json concise github gitlab sarif junit markdown" ;;
        graph:--format) echo "choice dot json" ;;
        rules:--format | quotes:--format) echo "choice text json" ;;
        check:--color) echo "choice auto always never" ;;
        check:--fail-on) echo "choice error warning info never" ;;
        check:--profile | report:--profile) echo "choice default strict publish" ;;
        check:--input-format | graph:--input-format | quotes:--input-format | inspect:--input-format | \
            report:--input-format)
            echo "choice txt md html rst" ;;
        check:--select | check:--ignore) echo "rules" ;;
        *:--rules-dir | *:--rules) echo "dirs" ;;
        check:--baseline | check:--write-baseline | check:--output-file | check:--stdin-filename | \
            check:--config | config:--config | report:-o | report:--output | report:--config | \
            serve:--config | serve:--token-file)
            echo "files" ;;
        check:-j | check:--jobs | check:--max-warnings | check:--max-file-size | serve:--listen | serve:--max-body | \
            serve:--max-header | serve:--request-timeout | serve:--workers | serve:--max-in-flight) echo "none" ;;
    esac
}

# Prints the rule ids, one a line: the first word of each line of
# `citelint rules` that starts at column 0. Silent when citelint fails.
_citelint_rule_ids() {
    local cmd=$1 out line
    shift
    [[ $cmd == "~/"* ]] && cmd=$HOME/${cmd#"~/"}
    if ! out=$("$cmd" rules "$@" 2>/dev/null) || [[ -z $out ]]; then
        (($#)) || return 0
        out=$("$cmd" rules 2>/dev/null) || return 0
    fi
    while IFS= read -r line; do
        case $line in
            "" | [[:space:]]*) ;;
            *) printf '%s\n' "${line%%[[:space:]]*}" ;;
        esac
    done <<<"$out"
}

# COMPREPLY = the words of $2 (separated by blanks or newlines) that start
# with $1, each with the prefix $3 put back in front.
_citelint_offer() {
    local cur=$1 prefix=$3 w
    local -a words=()
    IFS=$' \t\n' read -r -d '' -a words <<<"$2" || true
    for w in "${words[@]}"; do
        [[ $w == "$cur"* ]] && COMPREPLY+=("$prefix$w")
    done
    return 0
}

# COMPREPLY = the files (compgen -f) or directories (compgen -d) that start
# with $2, each with the prefix $3 put back in front.
_citelint_paths() {
    local f
    compopt -o filenames 2>/dev/null || true
    while IFS= read -r f; do
        COMPREPLY+=("$3$f")
    done < <(compgen "$1" -- "$2")
    return 0
}

_citelint() {
    COMPREPLY=()
    local cword=$COMP_CWORD
    local cur=${COMP_WORDS[cword]} prev=""
    ((cword > 0)) && prev=${COMP_WORDS[cword - 1]}
    local cmd=${COMP_WORDS[0]}

    # The subcommand, the --rules-dir / --rules given before the cursor (so
    # that rule ids include a house style's), and whether a "--" ended the
    # options.
    local sub="" i w next dashdash=""
    local -a rules_args=()
    for ((i = 1; i < cword; i++)); do
        w=${COMP_WORDS[i]}
        next=${COMP_WORDS[i + 1]}
        if [[ -z $sub ]]; then
            [[ $w != -* && $w != "=" ]] && sub=$w
            continue
        fi
        case $w in
            --) dashdash=1 ;;
            --rules-dir | --rules)
                if [[ $next == "=" ]]; then
                    ((i + 2 < cword)) && rules_args+=("$w" "${COMP_WORDS[i + 2]}")
                elif ((i + 1 < cword)); then
                    rules_args+=("$w" "$next")
                fi
                ;;
            --rules-dir=?* | --rules=?*) rules_args+=("$w") ;;
        esac
    done

    # The flag whose value is being completed, if any: "--flag value",
    # "--flag=value" with "=" a word break (bash's default) and "--flag=value"
    # without.
    local flag="" prefix=""
    if [[ $cur == "=" && $prev == -* ]]; then
        flag=$prev cur=""
    elif [[ $prev == "=" ]] && ((cword >= 2)) && [[ ${COMP_WORDS[cword - 2]} == -* ]]; then
        flag=${COMP_WORDS[cword - 2]}
    elif [[ $cur == --*=* ]]; then
        flag=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
    elif [[ $prev == -* ]]; then
        flag=$prev
    fi

    if [[ -z $sub ]]; then
        if [[ $cur == -* ]]; then
            _citelint_offer "$cur" "$(_citelint_flags "")" ""
        else
            _citelint_offer "$cur" "$_citelint_subcommands" ""
        fi
        return 0
    fi

    local how=""
    [[ -n $flag && -z $dashdash ]] && how=$(_citelint_value "$sub" "$flag")
    if [[ -n $how ]]; then
        case $how in
            choice\ *) _citelint_offer "$cur" "${how#choice }" "$prefix" ;;
            rules)
                # a comma-separated list: complete its last item
                if [[ $cur == *,* ]]; then
                    prefix=$prefix${cur%,*}, cur=${cur##*,}
                fi
                _citelint_offer "$cur" "$(_citelint_rule_ids "$cmd" "${rules_args[@]}")" "$prefix"
                ;;
            dirs) _citelint_paths -d "$cur" "$prefix" ;;
            files) _citelint_paths -f "$cur" "$prefix" ;;
        esac
        return 0
    fi

    if [[ $cur == -* && -z $dashdash ]]; then
        _citelint_offer "$cur" "$(_citelint_flags "$sub")" ""
        return 0
    fi

    case $sub in
        explain) _citelint_offer "$cur" "$(_citelint_rule_ids "$cmd" "${rules_args[@]}")" "" ;;
        check | quotes | graph | inspect | config | report) _citelint_paths -f "$cur" "" ;;
        test) _citelint_paths -d "$cur" "" ;;
        rules) _citelint_offer "$cur" "$(_citelint_flags "$sub")" "" ;;
    esac
    return 0
}

complete -F _citelint citelint
