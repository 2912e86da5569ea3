# First-request latency of a standalone run, from process start.
# Usage: python3 first-request-latency.py RUNS PUBLISH_DIR...
# Starts `dotnet ScriptRunner.Functions.dll` from each publish folder RUNS times (the folders interleaved, so machine
# load hits them alike), polls GET /api/health until it answers, then POSTs one `1+1` execution; prints medians of
# wall-clock and process CPU time for both steps.
import subprocess, time, sys, os, urllib.request, json, statistics
runs = int(sys.argv[1]); dirs = sys.argv[2:]; port = 7394
tick = os.sysconf('SC_CLK_TCK')
def cpu_ms(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000 / tick
res = {d: [] for d in dirs}
for i in range(runs):
    for d in dirs:
        env = dict(os.environ, PORT=str(port))
        t0 = time.monotonic()
        p = subprocess.Popen(["dotnet", os.path.join(d, "ScriptRunner.Functions.dll")], cwd=d, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5).read(); break
            except Exception:
                time.sleep(0.002)
        h = (time.monotonic() - t0) * 1000; hc = cpu_ms(p.pid)
        t1 = time.monotonic()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/execute", data=json.dumps({"code": "1+1"}).encode(), headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=30).read()
        e = (time.monotonic() - t1) * 1000; ec = cpu_ms(p.pid) - hc
        p.kill(); p.wait()
        res[d].append((h, hc, e, ec))
        time.sleep(0.2)
med = lambda xs: statistics.median(xs)
for d in dirs:
    r = res[d]
    print(f"{d}: first /api/health after start: wall median {med([x[0] for x in r]):.0f} ms (min {min(x[0] for x in r):.0f}), cpu median {med([x[1] for x in r]):.0f} ms | first execute 1+1: wall median {med([x[2] for x in r]):.0f} ms (min {min(x[2] for x in r):.0f}), cpu median {med([x[3] for x in r]):.0f} ms | runs={runs}")
