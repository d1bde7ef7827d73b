#!/usr/bin/env bash
# Recomputes the answer key of the vaultwarden evidence case from a clone (bare or with a work tree), with bash and
# git only (python3 only reads truth.json). `bash verify.sh REPO` compares with truth.json next to this script
# (PASS/FAIL per task, ALL PASS at the end); `bash verify.sh REPO --emit` prints the computed entries as JSON lines.
set -euo pipefail
REPO=${1:?usage: verify.sh REPO [--emit]}
MODE=${2:-check}
HERE=$(cd "$(dirname "$0")" && pwd)
HEAD_SHA=46d71107f5094460dd5ecbe1dbac6e6c71e5189a
D0_CUTOFF=2023-10-02T00:00:00Z
D1_CUTOFF=2024-03-18T00:00:00Z
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
tracked_under() { g ls-tree -r --name-only "$1" -- "$2"; }
lines() { show "$1" "$2" | wc -l; }
# the body of one TOML table of Cargo.toml ("package", "profile.release", "lints.rust"): its lines up to the next header
toml_table() { show "$1" Cargo.toml | awk -v h="[$2]" '$0 == h { p=1; next } p && /^\[/ { p=0 } p'; }
# a key's value in one table, quotes kept ("" when absent)
toml_value() { toml_table "$1" "$2" | sed -nE "s/^$3 *= *([^#]*[^ #]).*$/\1/p" | head -1; }
# the names of every dependency table's keys (dependencies, target.*.dependencies; not dev/build)
cargo_deps() { show "$1" Cargo.toml | awk '/^\[/ { p = ($0 ~ /^\[(target\..*\.)?dependencies\]$/) ; next } p && /^[A-Za-z0-9_-]+ *=/ { sub(/ *=.*/, ""); print }'; }
# the version requirement of a dependency in [dependencies]: `name = "x"` or `name = { version = "x", ... }`
cargo_req() { toml_table "$1" dependencies | grep -E "^$2 *=" | head -1 | sed -nE 's/^[^=]+= *"([^"]*)".*/\1/p; s/^[^=]+= *\{.*version *= *"([^"]*)".*/\1/p' | head -1; }
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }
# a Cargo requirement (bare, ^, ~ or =) whose lowest version is at least MIN; a pre-release of a version lies below it
req_at_least() {
  local r=$1 min=$2
  [[ "$r" =~ ^[\^~=]?([0-9]+(\.[0-9]+)*)(-[0-9A-Za-z.]+)?$ ]] || return 1
  local base=${BASH_REMATCH[1]} pre=${BASH_REMATCH[3]}
  if [ -n "$pre" ]; then version_ge "$base" "$min" && [ "$base" != "$min" ]; else version_ge "$base" "$min"; fi
}
# the entries of the top-level `ignored` list of .hadolint.yaml
hadolint_ignored() { show "$1" .hadolint.yaml | awk '/^ignored:/ { p=1; next } p && /^[^ #-]/ { p=0 } p && /^ *- / { sub(/^ *- */, ""); print }'; }
# every checkout step of every workflow opts out of keeping the token (at least one checkout in the tree)
checkouts_without_token() {
  local f n_co n_pc total=0
  for f in $(g ls-tree -r --name-only "$1" -- .github/workflows/ | grep -E '\.ya?ml$'); do
    n_co=$(show "$1" "$f" | grep -c 'uses: *actions/checkout@' || true)
    n_pc=$(show "$1" "$f" | grep -c 'persist-credentials: *false' || true)
    [ "$n_pc" -ge "$n_co" ] || return 1
    total=$((total + n_co))
  done
  [ "$total" -gt 0 ]
}
# every FROM line of a Dockerfile names its image by digest
from_by_digest() { has "$1" "$2" && [ -z "$(show "$1" "$2" | grep -E '^FROM ' | grep -v '@sha256:' || true)" ]; }

rule() { # rule TASK COMMIT -> exit status
  local c=$2
  case $1 in
    1.1) has $c docker/Dockerfile.debian && has $c docker/Dockerfile.alpine &&
         [ -z "$(tracked_under $c docker/amd64/)$(tracked_under $c docker/arm64/)$(tracked_under $c docker/armv6/)$(tracked_under $c docker/armv7/)" ] ;;
    1.2) has $c docker/docker-bake.hcl && ! has $c docker/Dockerfile.buildx ;;
    1.3) has $c Cargo.toml && [ -z "$(tracked_under $c hooks/)" ] ;;
    1.4) [ "$(show $c Dockerfile)" = docker/Dockerfile.debian ] ;;
    1.5) contains $c docker/healthcheck.sh ': "${ENV_FILE:="/.env"}"' ;;
    1.6) from_by_digest $c docker/Dockerfile.debian && from_by_digest $c docker/Dockerfile.alpine ;;
    1.7) has $c Cargo.toml && [ "$(tracked_under $c docker/ | grep -cE '(^|/)Dockerfile[^/]*$' || true)" -le 3 ] ;;
    2.1) has $c .github/workflows/trivy.yml ;;
    2.2) contains $c .github/CODEOWNERS '/.github/workflows/**' ;;
    2.3) lacks $c Cargo.toml 'git = ' && lacks $c Cargo.toml '[patch.crates-io]' ;;
    2.4) hadolint_ignored $c | grep -qx DL3029 && ! hadolint_ignored $c | grep -qx DL3059 ;;
    2.5) has $c .github/dependabot.yml ;;
    2.6) checkouts_without_token $c ;;
    2.7) has $c .github/workflows/zizmor.yml ;;
    3.1) req_at_least "$(cargo_req $c rocket)" 0.5.0 && req_at_least "$(cargo_req $c rocket_ws)" 0.1.0 ;;
    3.2) has $c Cargo.toml && ! cargo_deps $c | grep -qx openssl-sys ;;
    3.3) [ "$(toml_value $c profile.release lto)" = '"fat"' ] && [ "$(toml_value $c profile.release codegen-units)" = 1 ] ;;
    3.4) [ "$(toml_value $c profile.release-micro opt-level)" = '"z"' ] ;;
    3.5) [ "$(toml_value $c lints.rust unsafe_code)" = '"forbid"' ] && lacks $c src/main.rs '#![deny(' ;;
    3.6) contains $c src/main.rs '#![forbid(unsafe_code' ;;
    3.7) local v; v=$(toml_value $c package rust-version | tr -d '"'); [ -n "$v" ] && version_ge "$v" 1.73.0 ;;
    3.8) has $c Cargo.toml && ! cargo_deps $c | grep -qx tokio-tungstenite && lacks $c .env.template WEBSOCKET_PORT ;;
    3.9) lacks $c Cargo.toml trust-dns ;;
    3.10) has $c src/main.rs && [ "$(lines $c src/main.rs)" -lt 650 ] ;;
    3.11) contains $c src/util.rs X-Content-Type-Options && contains $c src/util.rs Referrer-Policy && contains $c src/util.rs Permissions-Policy ;;
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
