#!/usr/bin/env bash
# Capture mlcareer's views as a terminal shows them: tmux at a given width, UTF-8, the
# screen read back with capture-pane. Used for docs/terminal.md and for checking layouts.
#   scripts/capture_terminal.sh OUTDIR [WIDTH...]       (default widths: 40 60 80 120)
set -euo pipefail
out="${1:?usage: capture_terminal.sh OUTDIR [WIDTH...]}"
shift
widths=("$@")
[ "$#" -eq 0 ] && widths=(40 60 80 120)
bin="$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/mlcareer"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
views=(
    "" "salary" "salary --level senior" "path --level senior" "skills" "education" "resources" "role"
    "outlook" "jobs" "internships" "sources" "search kaggle" "plan" "plan --target senior" "progress" "validate"
)
mkdir -p "$out"
for width in "${widths[@]}"; do
    for view in "${views[@]}"; do
        name="$(echo "${view:-overview}" | tr ' ' '_')"
        socket="mlcareer-capture-$$-$width-$name"  # a server of its own, never the user's tmux
        tmux -L "$socket" new-session -d -x "$width" -y 50 \
            "env LANG=C.UTF-8 MLCAREER_HOME=$home/home MLCAREER_CACHE_DIR=$home/cache MLCAREER_TODAY=2026-11-21 \
             $bin --no-pager --no-input $view; tmux -L $socket wait-for -S shown; sleep 60"
        tmux -L "$socket" wait-for shown
        tmux -L "$socket" capture-pane -p -S - -E - | sed -e 's/[[:space:]]*$//' \
            | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$out/$name@$width.txt"
        tmux -L "$socket" kill-server
    done
done
