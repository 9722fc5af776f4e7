-- Summary for bench/run.sh: one machine-readable line after wrk's own report.
-- Used as is for the GET runs; post-partner.lua carries the same done() with its own counters.
-- Latencies are wrk's (closed loop: a slow answer delays the next request on that connection).
function done(summary, latency, requests)
   local s = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "RESULT wrk requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
      "mean_ms=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, s, summary.requests / s,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
      e.status, e.connect, e.read, e.write, e.timeout))
end
