#!/usr/bin/env bash
# Recomputes the answer key of the coredns evidence case from a clone (bare or with a work tree), with bash and
# git only (python3 only reads truth.json). `bash verify.sh REPO` compares with truth.json next to this script
# (PASS/FAIL per task, ALL PASS at the end); `bash verify.sh REPO --emit` prints the computed entries as JSON lines.
set -euo pipefail
REPO=${1:?usage: verify.sh REPO [--emit]}
MODE=${2:-check}
HERE=$(cd "$(dirname "$0")" && pwd)
HEAD_SHA=4b26cced32717eac6dd725e308d7415c8b9db147
D0_CUTOFF=2022-01-10T00:00:00Z
D1_CUTOFF=2022-06-27T00:00:00Z
D0_EPOCH=$(date -u -d "$D0_CUTOFF" +%s)
D1_EPOCH=$(date -u -d "$D1_CUTOFF" +%s)
g() { git -C "$REPO" "$@"; }

# the first-parent chain of the pinned head, newest first: "sha epoch"
CHAIN=$(g log --first-parent --format='%H %ct' "$HEAD_SHA")
cutoff_commit() { awk -v t="$1" '$2 < t { print $1; exit }' <<<"$CHAIN"; }
D0=$(cutoff_commit "$D0_EPOCH")
D1=$(cutoff_commit "$D1_EPOCH")

# ---- rule helpers on one commit
has() { g cat-file -e "$1:$2" 2>/dev/null; }
show() { g show "$1:$2" 2>/dev/null || true; }
contains() { has "$1" "$2" && show "$1" "$2" | grep -F -q -- "$3"; }
lacks() { has "$1" "$2" && ! show "$1" "$2" | grep -F -q -- "$3"; }
workflows() { g ls-tree -r --name-only "$1" -- .github/workflows/ | grep -E "${2:-\\.ya?ml}\$" || true; }
# the `go` directive of go.mod
go_directive() { show "$1" go.mod | awk '$1 == "go" { print $2; exit }'; }
# one module's require line of go.mod (in a require block or a one-line require): "version" or "version indirect"
gomod_req() {
  show "$1" go.mod | awk -v m="$2" '
    /^require \(/ { blk=1; next } blk && /^\)/ { blk=0; next }
    blk && $1 == m { print $2 (index($0, "// indirect") ? " indirect" : ""); exit }
    /^require / && $2 == m { print $3 (index($0, "// indirect") ? " indirect" : ""); exit }'
}
# semver: V >= MIN, a pre-release (Go pseudo-versions such as v3.0.0-20210107192922-496545a6307b are pre-releases)
# lies below its release
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }
semver_at_least() {
  local v=${1#v} min=${2#v}
  [[ "$v" =~ ^([0-9]+(\.[0-9]+)*)(-[0-9A-Za-z.-]+)?(\+.*)?$ ]] || return 1
  local base=${BASH_REMATCH[1]} pre=${BASH_REMATCH[3]}
  if [ -n "$pre" ]; then version_ge "$base" "$min" && [ "$base" != "$min" ]; else version_ge "$base" "$min"; fi
}
module_at_least() { local r; r=$(gomod_req "$1" "$2"); [ -n "$r" ] && semver_at_least "${r%% *}" "$3"; }
# every line matching PATTERN in the scoped workflow files names its action by a 40-hex commit (at least one such line)
lines_pinned() {
  local c=$1 pattern=$2 f n=0 bad
  for f in $(workflows "$c" '\.yml'); do
    bad=$(show "$c" "$f" | grep -E -- "$pattern" | grep -vE -- '@[0-9a-f]{40}([^0-9a-f]|$)' || true)
    [ -z "$bad" ] || return 1
    n=$((n + $(show "$c" "$f" | grep -cE -- "$pattern" || true)))
  done
  [ "$n" -gt 0 ]
}
# every workflow file (.yml/.yaml) under .github/workflows/ contains TEXT (at least one file)
every_workflow_contains() {
  local c=$1 f n=0
  for f in $(workflows "$c"); do show "$c" "$f" | grep -F -q -- "$2" || return 1; n=$((n + 1)); done
  [ "$n" -gt 0 ]
}
# no tracked non-test Go file under plugin/ outside plugin/pkg/rand/ contains TEXT (at least one file in scope)
plugin_go_lacks() {
  local c=$1 files
  files=$(g ls-tree -r --name-only "$c" -- plugin/ | grep -E '\.go$' | grep -vE '_test\.go$' | grep -v '^plugin/pkg/rand/' || true)
  [ -n "$files" ] || return 1
  ! g grep -F -q -- "$2" "$c" -- $files
}
yamllint_line_length() { show "$1" .yamllint | awk '/^rules:/ { r=1; next } r && /^[^ #]/ { r=0 } r && /^  line-length:/ { sub(/^  line-length: */, ""); print; exit }'; }

rule() { # rule TASK COMMIT -> exit status
  local c=$2 v
  case $1 in
    1.1) v=$(go_directive $c); [ -n "$v" ] && version_ge "$v" 1.17 ;;
    1.2) has $c .github/workflows/stale.yml ;;
    1.3) has $c .yamllint && has $c .github/workflows/yamllint.yml && [ "$(yamllint_line_length $c)" = disable ] ;;
    1.4) contains $c .github/workflows/docker.yml '-f Makefile.docker release' ;;
    1.5) lacks $c Makefile.docker DOCKER_IMAGE_LIST_LATEST && contains $c Makefile.docker 'which jq' ;;
    1.6) ! has $c .circleci/config.yml ;;
    1.7) contains $c .github/workflows/go.test.yml "go-version: '1.17.0'" ;;
    2.1) contains $c .github/workflows/scorecards.yml 'publish_results: true' ;;
    2.2) lines_pinned $c 'actions/checkout@' ;;
    2.3) lines_pinned $c '^[ -]*uses:' ;;
    2.4) every_workflow_contains $c 'permissions:' ;;
    2.5) has $c .github/workflows/cifuzz.yml ;;
    2.6) has $c .github/workflows/depsreview.yml ;;
    2.7) contains $c .github/dependabot.yml 'package-ecosystem: "github-actions"' ;;
    3.1) v=$(gomod_req $c github.com/golang/protobuf); has $c go.mod && [ "${v#* }" = indirect -o -z "$v" ] &&
         contains $c plugin/dnstap/encoder.go google.golang.org/protobuf/proto ;;
    3.2) module_at_least $c github.com/miekg/dns v1.1.46 ;;
    3.3) module_at_least $c google.golang.org/grpc v1.45.0 ;;
    3.4) module_at_least $c k8s.io/client-go v0.24.0 ;;
    3.5) module_at_least $c gopkg.in/yaml.v3 v3.0.0 ;;
    3.6) module_at_least $c github.com/prometheus/client_golang v1.13.0 ;;
    3.7) contains $c .github/workflows/go.test.yml "go-version: '1.18.0'" &&
         [ -z "$(for f in $(workflows $c '\.yml'); do show $c $f | grep -F 1.17.0; done)" ] ;;
    3.8) has $c plugin/pkg/rand/rand.go && lacks $c plugin/forward/policy.go '"math/rand"' && lacks $c plugin/grpc/policy.go '"math/rand"' ;;
    3.9) plugin_go_lacks $c '"math/rand"' ;;
    3.10) has $c .golangci.yml && has $c .github/workflows/golangci-lint.yml ;;
    3.11) contains $c Dockerfile /etc/ssl/certs/ca-certificates.crt && show $c Dockerfile | grep -qE '^USER ' && has $c .dockerignore ;;
  esac
}

TASKS="1.1 1.2 1.3 1.4 1.5 1.6 1.7 2.1 2.2 2.3 2.4 2.5 2.6 2.7 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 3.9 3.10 3.11"
# the oldest commit of the unbroken true run that reaches D1 (walking the chain back from D1)
first_true() {
  local task=$1 first='' started=0 sha epoch
  while read -r sha epoch; do
    [ "$sha" = "$D1" ] && started=1
    [ $started = 1 ] || continue
    if rule "$task" "$sha"; then first="$sha $epoch"; else break; fi
  done <<<"$CHAIN"
  echo "$first"
}
yes_no() { if rule "$1" "$2"; then echo true; else echo false; fi; }

emit() {
  local task=$1 d0 d1 head ft sha epoch week=null first=null
  d0=$(yes_no $task $D0); d1=$(yes_no $task $D1); head=$(yes_no $task $HEAD_SHA)
  if [ "$d1" = true ]; then
    ft=$(first_true $task); sha=${ft% *}; epoch=${ft#* }
    week=$(( (epoch - D0_EPOCH) / 604800 + 1 )); [ "$epoch" -lt "$D0_EPOCH" ] && week=$(( -((D0_EPOCH - epoch + 604799) / 604800) + 1 ))
    first="\"$sha\""
  fi
  printf '{"task_id": "%s", "holds_at_D0": %s, "holds_at_D1": %s, "holds_at_HEAD": %s, "first_true_commit": %s, "first_true_week": %s}\n' "$task" "$d0" "$d1" "$head" "$first" "$week"
}

if [ "$MODE" = --emit ]; then
  echo "{\"D0_commit\": \"$D0\", \"D1_commit\": \"$D1\"}"
  for t in $TASKS; do emit $t; done
  exit 0
fi
pass=0; fail=0
[ "$D0" = "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["D0_commit"])' "$HERE/truth.json")" ] && { echo "PASS D0 $D0"; pass=$((pass+1)); } || { echo "FAIL D0 $D0"; fail=$((fail+1)); }
[ "$D1" = "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["D1_commit"])' "$HERE/truth.json")" ] && { echo "PASS D1 $D1"; pass=$((pass+1)); } || { echo "FAIL D1 $D1"; fail=$((fail+1)); }
for t in $TASKS; do
  got=$(emit $t)
  want=$(python3 -c '
import json,sys
k=[x for x in json.load(open(sys.argv[1]))["tasks"] if x["task_id"]==sys.argv[2]][0]
print(json.dumps({f: k[f] for f in ["task_id","holds_at_D0","holds_at_D1","holds_at_HEAD","first_true_commit","first_true_week"]}))' "$HERE/truth.json" "$t")
  if [ "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])==json.loads(sys.argv[2]))' "$got" "$want")" = True ]; then echo "PASS $t"; pass=$((pass+1)); else echo "FAIL $t: got $got want $want"; fail=$((fail+1)); fi
done
echo "passed=$pass failed=$fail"
[ $fail = 0 ] && echo "ALL PASS"
