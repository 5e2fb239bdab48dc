#!/usr/bin/env bash
# Print the path of a Python >= 3.12 interpreter, or fail with a hint.
# Candidates are tried in order and each one is actually run, because
# pyenv shims (python3.13, python3.12) exist on PATH but refuse to run
# unless PYENV_VERSION selects them.
set -u

check='import sys; assert sys.version_info >= (3, 12)'

works() {
    "$1" -c "$check" >/dev/null 2>&1
}

# Resolve a candidate to a real interpreter path (not a shim).
real_path() {
    "$1" -c 'import sys; print(sys.executable)' 2>/dev/null
}

try() {
    local cand="$1"
    if works "$cand"; then
        real_path "$cand"
        exit 0
    fi
}

for name in python3.13 python3.12; do
    if command -v "$name" >/dev/null 2>&1; then
        try "$(command -v "$name")"
    fi
done

if command -v pyenv >/dev/null 2>&1; then
    root="$(pyenv root 2>/dev/null || true)"
    if [ -n "$root" ]; then
        for minor in 3.13 3.12; do
            # newest patch release first
            for cand in $(ls -d "$root"/versions/"$minor"*/bin/python3 2>/dev/null | sort -rV); do
                try "$cand"
            done
        done
    fi
fi

for cand in $(ls -d /usr/bin/python3.1[2-9] 2>/dev/null | sort -rV); do
    try "$cand"
done

if command -v python3 >/dev/null 2>&1; then
    try "$(command -v python3)"
fi

cat >&2 <<'MSG'
error: no Python >= 3.12 found.
Install Python 3.12+, e.g.
    apt-get install python3.12 python3.12-venv      (Debian/Ubuntu with 3.12 available)
or  pyenv install 3.12
MSG
exit 1
