-- POST /api/v1/partners with a name no other request uses: run id (script argument) + wrk thread
-- + per-thread counter + a random number. Counts the answers that are not 201 Created.
-- Usage: wrk ... -H "Authorization: Bearer <token>" -s post-partner.lua <url> -- <run-id>
local threads = {}

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   run = args[1] or tostring(os.time())
   counter = 0
   created = 0
   other = 0
   math.randomseed(os.time() * 1000 + tid)
   wrk.method = "POST"
   wrk.path = "/api/v1/partners"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   counter = counter + 1
   local body = string.format(
      '{"name":"Association Charge %s %d-%d-%d","type":"Association","provinceCode":"03.531"}',
      run, tid, counter, math.random(1, 1000000000))
   return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
   if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
   local c, o = 0, 0
   for _, t in ipairs(threads) do
      c = c + t:get("created")
      o = o + t:get("other")
   end
   local s = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "RESULT wrk requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
      "mean_ms=%.2f non2xx=%d created=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, s, summary.requests / s,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
      o, c, e.connect, e.read, e.write, e.timeout))
end
