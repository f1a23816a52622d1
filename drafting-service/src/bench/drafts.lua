-- wrk script for scripts/bench-service: POST /v1/drafts with a fresh Idempotency-Key per request
-- (so every request is a real draft, stored with its key), streaming SSE as the panel does.
local body_file = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")
local f = assert(io.open(body_file, "r"))
local body = f:read("*a")
f:close()

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "text/event-stream"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", os.time(), tid, counter)
  return wrk.format()
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  io.write(string.format("drafts: %d in %.1f s = %.0f drafts/s\n", summary.requests, secs, summary.requests / secs))
  io.write(string.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: non-2xx %d, connect %d, read %d, write %d, timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
