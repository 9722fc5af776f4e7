-- GET <path>?q=<text> with the texts of one samples file (URL-encoded, one per line), in turn.
-- Counts the answers that are not 200 and the total of persons found (totalCount summed).
-- Usage: wrk ... -s search.lua <base url> -- <samples file> <path, e.g. /api/v1/applicants> [extra query]
local threads = {}

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   texts = {}
   for line in io.lines(args[1]) do table.insert(texts, line) end
   path = args[2] or "/api/v1/applicants"
   extra = args[3] or ""
   counter = tid * 7919
   ok = 0
   other = 0
   found = 0
end

function request()
   counter = counter + 1
   return wrk.format("GET", path .. "?q=" .. texts[(counter % #texts) + 1] .. extra)
end

function response(status, headers, body)
   if status == 200 then
      ok = ok + 1
      local total = body:match('"totalCount":(%d+)')
      if total then found = found + tonumber(total) end
   else
      other = other + 1
      if other <= 3 then io.stderr:write("answer " .. status .. ": " .. body:sub(1, 300) .. "\n") end
   end
end

function done(summary, latency, requests)
   local k, o, f = 0, 0, 0
   for _, t in ipairs(threads) do
      k = k + t:get("ok")
      o = o + t:get("other")
      f = f + t:get("found")
   end
   local s = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "RESULT wrk requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
      "mean_ms=%.2f non2xx=%d ok=%d mean_found=%.1f connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, s, summary.requests / s,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
      o, k, k > 0 and f / k or 0, e.connect, e.read, e.write, e.timeout))
end
