#!/usr/bin/env python3
"""Catalog import beside live tickets: how long a 1,000-row import takes, and how long a kiosk ticket waits meanwhile.
Usage: python3 scripts/generate-catalog.py 1000 > /tmp/c1000.csv && python3 scripts/import-bench.py SERVER_DLL LABEL /tmp/c1000.csv
Starts the server on a fresh SQLite database in a temporary folder without the demo; prints every figure."""
import json, os, random, shutil, statistics, subprocess, sys, tempfile, threading, time, urllib.request

dll, label = sys.argv[1], sys.argv[2]
port = random.randint(21000, 32000)
base = f"http://127.0.0.1:{port}"
work = tempfile.mkdtemp(prefix="qh-import-")
data = os.path.join(work, "data")

log = open(os.path.join(work, "server.log"), "w")
srv = subprocess.Popen(["dotnet", dll, "--urls", base, "--Demo:Seed=false", f"--Storage:DataFolder={data}",
                        "--Logging:LogLevel:Default=Warning", "--RateLimits:TicketsPerMinute=1000000"], stdout=log, stderr=log)

def call(method, path, body=None, token=None, raw=None, ctype="application/json"):
    req = urllib.request.Request(base + path, method=method, data=raw if raw is not None else (json.dumps(body).encode() if body is not None else None))
    if body is not None or raw is not None: req.add_header("content-type", ctype)
    if token: req.add_header("authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=60) as r: return r.status, r.read()
    except urllib.error.HTTPError as e: return e.code, e.read()

try:
    for _ in range(120):
        try:
            if call("GET", "/api/halls")[0] == 200: break
        except Exception: pass
        time.sleep(0.5)
    assert call("POST", "/api/setup", {"username": "director", "displayName": "主任", "password": "Director-2026-a"})[0] in (200, 201)
    token = json.loads(call("POST", "/api/auth/login", {"username": "director", "password": "Director-2026-a"})[1])["accessToken"]
    s, b = call("POST", "/api/halls", {"id": "haimen", "name": "海门区政务服务中心", "level": "city", "regionCode": "320684", "address": "北京中路"}, token)
    assert s == 201, b
    csv = open(sys.argv[3], "rb").read()

    def upload(content, name, ctype):
        boundary = "----qhbench" + str(random.random())[2:]
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {ctype}\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        t = time.perf_counter()
        s, b = call("POST", "/api/halls/haimen/services/import", raw=body, token=token, ctype=f"multipart/form-data; boundary={boundary}")
        return time.perf_counter() - t, s, b

    took, s, b = upload(csv, "c1000.csv", "text/csv")
    print(f"{label}: CSV 1,000 created: {took:.2f} s ({s} {b[:80]!r})")
    s, b = call("POST", "/api/halls/haimen/windows", {"number": 1, "name": "1号窗口", "serviceIds": ["gen-0001", "gen-0002"]}, token)
    assert s == 201, b

    lat, stop = [], threading.Event()
    def tickets():
        while not stop.is_set():
            t = time.perf_counter()
            s, _ = call("POST", "/api/halls/haimen/tickets", {"serviceId": "gen-0001", "channel": "kiosk"})
            lat.append((t, time.perf_counter() - t, s))
            time.sleep(0.02)
    th = threading.Thread(target=tickets); th.start()
    time.sleep(3)
    xlsx = call("GET", "/api/halls/haimen/services/export.xlsx", token=token)[1]
    runs = [("CSV 1,000 updated", csv, "c1000.csv", "text/csv")] * 3 + [("XLSX 1,000 updated", xlsx, "export.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")] * 2
    for name, content, fname, ctype in runs:
        start = time.perf_counter()
        took, s, b = upload(content, fname, ctype)
        end = time.perf_counter()
        during = [l for (t, l, st) in lat if t + l >= start and t <= end]
        print(f"{label}: {name}: {took:.2f} s ({s}); tickets overlapping it: {len(during)}, slowest {max(during) * 1000 if during else 0:.0f} ms")
        time.sleep(2)
    stop.set(); th.join()
    quiet = [l for (t, l, st) in lat]
    bad = [st for (t, l, st) in lat if st != 201]
    print(f"{label}: all {len(lat)} tickets: median {statistics.median(quiet) * 1000:.0f} ms, non-201: {len(bad)}")
finally:
    srv.kill(); srv.wait()
    shutil.rmtree(work, ignore_errors=True)
