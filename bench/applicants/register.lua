-- POST /api/v1/applicants with the bodies PersonsLoader wrote (register.txt: four fresh persons for
-- one near-duplicate of a loaded person), each with a CIN no loaded person and no other request has:
-- the prefix given as argument (two letters) + 8 digits (loaded CINs have 6).
-- Counts 201s, the 201s that named possible duplicates, and the other answers.
-- Usage: wrk ... -s register.lua <url> -- <samples dir> <two letters> <run number 0-99>
local threads = {}

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   bodies = {}
   for line in io.lines(args[1] .. "/register.txt") do table.insert(bodies, line) end
   prefix = args[2] or "ZZ"
   run = tonumber(args[3] or "0")
   -- Each run (and its warm-up, prefix ZW) sends bodies no earlier run sent: the same body sent
   -- twice is a duplicate of the first, which would make every registration a flagged one.
   counter = (run * 1000) % 50000 + (prefix == "ZW" and 50000 or 0)
   created = 0
   flagged = 0
   other = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   counter = counter + 1
   local body = bodies[((counter - 1) % #bodies) + 1]
   local cin = string.format("%s%02d%d%05d", prefix, run, tid, counter % 100000)
   -- (unique: one run of a prefix sends fewer than 100,000 requests per thread)
   return wrk.format(nil, nil, nil, (body:gsub("@CIN@", cin)))
end

function response(status, headers, body)
   if status == 201 then
      created = created + 1
      if body:find('"possibleDuplicates":%[{') then flagged = flagged + 1 end
   else
      other = other + 1
      if other <= 3 then io.stderr:write("answer " .. status .. ": " .. body:sub(1, 300) .. "\n") end
   end
end

function done(summary, latency, requests)
   local c, f, o = 0, 0, 0
   for _, t in ipairs(threads) do
      c = c + t:get("created")
      f = f + t:get("flagged")
      o = o + t:get("other")
   end
   local s = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "RESULT wrk requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
      "mean_ms=%.2f non2xx=%d created=%d flagged=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, s, summary.requests / s,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
      o, c, f, e.connect, e.read, e.write, e.timeout))
end
