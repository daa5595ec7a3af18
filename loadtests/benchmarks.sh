#!/usr/bin/env bash
# Dispatch and prediction benchmarks (docs/benchmarks.md): runs the simulator (Release) on the shared
# scenarios and the pooled exponential one, and prints one line per figure with the command behind it.
# Usage: loadtests/benchmarks.sh [DAYS]   (default 20 simulated days per run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
days=${1:-20}
dotnet build loadtests/Queue.Simulator -c Release -nologo -v q >/dev/null
sim=loadtests/Queue.Simulator/bin/Release/net10.0/Queue.Simulator
run() { echo "\$ dotnet run -c Release --project loadtests/Queue.Simulator -- $*" >&2; "$sim" "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, d))" "$1"; }

echo "## Erlang C (pooled exponential)"
r=$(run --scenario loadtests/scenarios/pooled-exponential.json --windows pooled --days "$days")
echo "$r"
echo "simulated mean $(echo "$r" | field meanWaitMinutes) min, Erlang C $(echo "$r" | field erlangCMeanWaitMinutes) min, ratio $(echo "$r" | field 'round(meanWaitMinutes/erlangCMeanWaitMinutes,3)')"
p=$(run --scenario loadtests/scenarios/pooled-exponential.json --windows pooled --days "$days" --predictor queue-length)
echo "$p"
echo "relativeRmse engine $(echo "$r" | field 'eta["relativeRmse"]') vs plain (n+1)/(c·μ) $(echo "$p" | field 'eta["relativeRmse"]')"

for s in six-themes-chain civic-center-day town-hall-morning; do
  f=loadtests/scenarios/$s.json
  echo "## $s"
  for w in dedicated configured pooled; do
    for pol in engine oldest-first; do
      r=$(run --scenario "$f" --windows $w --policy $pol --days "$days")
      echo "$s $w $pol mean=$(echo "$r" | field meanWaitMinutes) p90=$(echo "$r" | field p90WaitMinutes) max=$(echo "$r" | field maxWaitMinutes) util=$(echo "$r" | field utilization) mae=$(echo "$r" | field 'eta["meanAbsErrorMinutes"]') within5=$(echo "$r" | field 'eta["within5MinutesShare"]') rrmse=$(echo "$r" | field 'eta["relativeRmse"]')"
    done
  done
done
