-- wrk script of Benchmarks/perf (driven by perf.py through environment variables):
--   PERF_MODE          post | get | mix
--   PERF_POOL          file of "article<TAB>json payload" lines (post, mix), each sent at most once
--   PERF_PATHS         file of GET paths, one a line (get, mix)
--   PERF_POST_FRACTION share of POSTs in mix mode (e.g. 0.05)
--   PERF_THREADS       wrk's -t (thread N takes pool lines N, N+T, N+2T, ...)
--   PERF_OUT           where done() writes the figures (JSON); the ids answered 201 go to PERF_OUT.ids
--   PERF_SEED          seed of the GET/POST choice
-- wrk runs one Lua state per thread: each counts its own answers, done() (in the main state)
-- gathers them with thread:get.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local mode, lines, paths, post_fraction
local next_line, wrapped = 1, false
statuses = {}
ids = {}
nids = 0
wraps = 0

local function read_lines(file, keep)
  local out = {}
  if not file or file == "" then return out end
  local n = 0
  for line in io.lines(file) do
    if keep(n) then table.insert(out, line) end
    n = n + 1
  end
  return out
end

function init(args)
  mode = os.getenv("PERF_MODE") or "post"
  local nthreads = tonumber(os.getenv("PERF_THREADS") or "1")
  post_fraction = tonumber(os.getenv("PERF_POST_FRACTION") or "0.05")
  math.randomseed(tonumber(os.getenv("PERF_SEED") or "1") * 1000 + tid)
  local pool = {}
  if mode ~= "get" then
    for _, line in ipairs(read_lines(os.getenv("PERF_POOL"), function(n) return n % nthreads == tid end)) do
      local tab = line:find("\t", 1, true)
      table.insert(pool, {line:sub(1, tab - 1), line:sub(tab + 1)})
    end
  end
  lines = pool
  if mode ~= "post" then
    paths = read_lines(os.getenv("PERF_PATHS"), function(n) return true end)
  end
end

local headers = {["Content-Type"] = "application/json"}

local function post()
  if next_line > #lines then next_line = 1; wraps = wraps + 1 end
  local row = lines[next_line]
  next_line = next_line + 1
  return wrk.format("POST", "/v1/articles/" .. row[1] .. "/comments", headers, row[2])
end

local function get()
  return wrk.format("GET", paths[math.random(#paths)])
end

function request()
  if mode == "post" then return post() end
  if mode == "get" then return get() end
  if math.random() < post_fraction then return post() end
  return get()
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    local id = body:match('"id":(%d+)')
    if id then nids = nids + 1; ids[nids] = tonumber(id) end
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("PERF_OUT"), "w"))
  local idf = assert(io.open(os.getenv("PERF_OUT") .. ".ids", "w"))
  local all = {}
  local total_wraps = 0
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do all[code] = (all[code] or 0) + n end
    local tids = thread:get("ids")
    for i = 1, thread:get("nids") do idf:write(tids[i], "\n") end
    total_wraps = total_wraps + thread:get("wraps")
  end
  idf:close()
  local codes = {}
  for code, n in pairs(all) do table.insert(codes, string.format('"%d":%d', code, n)) end
  local e = summary.errors
  out:write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p99.9":%d},"statuses":{%s},"pool_wraps":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), table.concat(codes, ","), total_wraps))
  out:close()
end
