-- wrk script for scripts/bench-saves.sh: each wrk thread is one applicant
-- with one connection, saving the "personal" part again and again. The
-- revision each save must name comes from the previous answer; after a
-- 409 (another save came first) the thread reads the registration again.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("applicant", threads)
end

function init(args)
  local file = assert(io.open(args[1]))
  local n = 0
  for line in file:lines() do
    n = n + 1
    if n == applicant then
      token, revision = line:match("^(%S+) (%d+)$")
    end
  end
  file:close()
  revision = tonumber(revision)
  countries = { "SOM", "ERI", "SYR", "AFG", "UKR", "SDN", "IRQ", "XXX" }
  saves = 0
  reload = false
end

function request()
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  if reload then
    return wrk.format("GET", "/api/v1/applicant/registration", headers)
  end
  saves = saves + 1
  local body = string.format(
    '{"revision":%d,"answers":{"mother_tongue":"som","interpreter_language":"no_interpreter","country_background":"%s"}}',
    revision, countries[saves % #countries + 1])
  return wrk.format("PUT", "/api/v1/applicant/registration/sections/personal", headers, body)
end

function response(status, headers, body)
  local seen = body:match('"revision":(%d+)')
  if status == 200 and seen then
    revision = tonumber(seen)
    reload = false
  else
    reload = true
  end
end
