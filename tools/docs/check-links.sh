#!/usr/bin/env bash
# Checks that every relative Markdown link in README.md and docs/ names a file or directory that
# exists (anchors are not checked). Prints each broken link; exits 1 if there is one.
# Usage: tools/docs/check-links.sh [FILE.md ...]   (default: README.md and every .md under docs/)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(printf '%s\n' README.md; find docs -name '*.md' | sort); fi
bad=0
for f in "${files[@]}"; do
  dir=$(dirname "$f")
  # ](target) or ](target#anchor), outside code is not distinguished: links in code blocks are rare here
  while IFS= read -r target; do
    case "$target" in http://*|https://*|mailto:*|'#'*) continue ;; esac
    path=${target%%#*}
    if [ ! -e "$dir/$path" ]; then echo "$f: broken link ($target)"; bad=1; fi
  done < <(grep -o '](\([^)]*\))' "$f" | sed 's/^](\(.*\))$/\1/')
done
[ $bad -eq 0 ] && echo "links ok: ${#files[@]} files"
exit $bad
