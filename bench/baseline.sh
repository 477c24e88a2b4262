# shellcheck shell=bash disable=SC2154,SC2034,SC2016  # sourced by bench/run: its variables
# bench/baseline.sh: the "before and after" section of bench/run (--baseline PATH),
# sourced by it. Times this myoscreen beside another build of it on the same
# files, in the same run, and says whether their outputs are the same bytes.

# baseline_pair NAME FILE: one input. Appends a row to $work/baseline.tsv:
# input, records, this mean s, σ, baseline mean s, σ, lines, lines differing,
# of which error records, note.
baseline_pair() {
    local name=$1 file=$2 lines differ errs note="" this_m this_s base_m base_s
    # Outputs first (untimed): compared line by line as they stream, so a
    # 10^7-record file needs no room for two copies. A JSON Lines report never
    # holds a raw \001, so it can join the two lines.
    log_cmd "paste -d '\\001' <($(quote "$binary" batch "$file" --jobs 1)) <($(quote "$baseline" batch "$file" --jobs 1)) | awk ..."
    read -r lines differ errs < <(paste -d $'\001' \
        <("$binary" batch "$file" --jobs 1 2> /dev/null) \
        <("$baseline" batch "$file" --jobs 1 2> /dev/null) |
        awk -F '\001' '{ n++; if ($1 != $2) { d++; if ($1 ~ /^\{"record":/ || $2 ~ /^\{"record":/) e++ } }
                       END { print n + 0, d + 0, e + 0 }')
    if have hyperfine; then
        # -i: the default files hold invalid records, so both exit 65 by design.
        local args=(--shell=none --warmup 1 --runs "$baseline_runs" -i --style none
            --export-json "$work/baseline.json"
            --command-name this "$(quote "$binary" batch "$file" --jobs 1)"
            --command-name baseline "$(quote "$baseline" batch "$file" --jobs 1)")
        log_cmd "$(quote hyperfine "${args[@]}")"
        say "before and after: $name (hyperfine, $baseline_runs runs each)"
        if hyperfine "${args[@]}" > /dev/null 2> "$work/stderr"; then
            read -r this_m this_s base_m base_s < <(python3 - "$work/baseline.json" << 'EOF'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print("%.3f %.3f %.3f %.3f" % (r["this"]["mean"], r["this"]["stddev"] or 0,
                               r["baseline"]["mean"], r["baseline"]["stddev"] or 0))
EOF
            )
        else
            say "hyperfine failed"; status=1; note="hyperfine failed"
        fi
    else
        # No hyperfine: one run each under GNU time, alternating.
        timed before "this" "$name" "$size" "0 65" "" -- "$binary" batch "$file" --jobs 1
        this_m=$LAST_WALL this_s="-"
        timed before "baseline" "$name" "$size" "0 65" "" -- "$baseline" batch "$file" --jobs 1
        base_m=$LAST_WALL base_s="-"
        note="one run each (no hyperfine)"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$size" "${this_m:--}" "${this_s:--}" \
        "${base_m:--}" "${base_s:--}" "$lines" "$differ" "$errs" "$note" >> "$work/baseline.tsv"
}

# baseline_table: the markdown section, from $work/baseline.tsv.
baseline_table() {
    printf '### Before and after (--baseline)\n\n'
    printf 'This binary beside %s (`%s`), `batch FILE --jobs 1`, ' "$baseline" "$("$baseline" --version 2> /dev/null | head -n 1)"
    if have hyperfine; then printf 'hyperfine: 1 warm-up, %s runs each, mean ± σ.' "$baseline_runs"; else printf 'one run each.'; fi
    printf ' Speed above 1 means this binary is faster. Outputs compared line by line.\n\n'
    echo "| input | records | this s | baseline s | speed, this ÷ baseline | output lines | lines that differ | of them error records | note |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|---|"
    awk -F '\t' '{
        pm = ($4 == "-") ? "" : " ± " $4; pb = ($6 == "-") ? "" : " ± " $6
        speed = ($3 == "-" || $5 == "-" || $3 <= 0) ? "-" : sprintf("%.3f×", $5 / $3)
        printf "| %s | %s | %s%s | %s%s | %s | %s | %s | %s | %s |\n", $1, $2, $3, pm, $5, pb, speed, $7, $8, $9, $10
    }' "$work/baseline.tsv"
    echo
}
