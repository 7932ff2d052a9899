-- apikey-auth: Kong checks the `x-api-key` of every request (health probes and the OpenAPI
-- documents excepted) against the auth service's verify endpoint before proxying.
--
-- Differences from the reference's Go plugin, all deliberate:
--   * a hard time budget for the call to auth (the reference had none);
--   * several verify URLs are tried one after the other on failure (the reference picked one at
--     random and gave up);
--   * verdicts are cached briefly per key (the reference asked auth on every request); the cache
--     key is a SHA-256 digest, never the key itself;
--   * it fails closed: whenever auth cannot give a clear yes or no, the answer is 503 and that
--     outcome is never cached, nor is an expired "yes" revived during an outage;
--   * every answer is the JSON envelope, with a numeric `status`.
-- The key itself is never logged.
local http = require("resty.http")
local sha256 = require("resty.sha256")
local cjson = require("cjson.safe")

local HEADER = "x-api-key"
-- What a GET may reach without a key, as the services themselves allow it:
--   "/<one segment>/health", e.g. /auth/health and /blog/health; not /auth/health/;
--   "/<one segment>/v3/api-docs", each module's OpenAPI document (public: it names routes, every
--   one of which still needs a key); not /auth/v3/api-docs/... nor the YAML variant.
local OPEN_PATHS = { "^/[^/]+/health$", "^/[^/]+/v3/api%-docs$" }
local FAILURE_CODE = "10001"

local MISSING = "x-api-key header is missing"
local INVALID = "permission denied: invalid x-api-key"
local UNAVAILABLE = "authentication service unavailable"

-- What to say when auth rejects a key without a readable envelope.
local DEFAULT_REJECTION = { [401] = MISSING, [403] = INVALID }

-- ttl < 0 tells Kong's cache (lua-resty-mlcache) to return the value without storing it.
local DO_NOT_CACHE = -1

local ApiKeyAuth = {
  -- After CORS (2000), before rate limiting (910); same as the reference.
  PRIORITY = 1000,
  VERSION = "1.0.0",
}

local function reject(status, message)
  return kong.response.exit(status, { code = FAILURE_CODE, status = status, message = message })
end

local function is_open_route()
  if kong.request.get_method() ~= "GET" then
    return false
  end
  local path = kong.request.get_path()
  for _, pattern in ipairs(OPEN_PATHS) do
    if path:find(pattern) ~= nil then
      return true
    end
  end
  return false
end

local function to_hex(bytes)
  return (bytes:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

-- One entry per (key, list of verify URLs): plugin instances asking different auths do not share
-- verdicts. Only the digest reaches the shared memory zone.
local function cache_key(conf, key)
  local digest = sha256:new()
  digest:update(table.concat(conf.verification_urls, "\n"))
  digest:update("\0")
  digest:update(key)
  return "apikey-auth:" .. to_hex(digest:final())
end

local function now_ms()
  ngx.update_time()
  return ngx.now() * 1000
end

local function attempt_order(urls, randomize)
  local count = #urls
  local first = (randomize and count > 1) and math.random(count) or 1
  local order = {}
  for i = 0, count - 1 do
    order[#order + 1] = urls[(first - 1 + i) % count + 1]
  end
  return order
end

-- A definitive answer from auth, or nil and why the answer does not count.
local function verdict_of(response)
  local status = response.status
  if status == 200 then
    return { allowed = true }
  end
  if status == 401 or status == 403 then
    local envelope = cjson.decode(response.body or "")
    local message = type(envelope) == "table" and envelope.message
    if type(message) ~= "string" or message == "" then
      message = DEFAULT_REJECTION[status]
    end
    return { allowed = false, status = status, message = message }
  end
  return nil, "unexpected status " .. tostring(status)
end

-- The cache's loader: always returns a value (never `nil, err`), so that Kong's cache cannot
-- resurrect a stale "yes" while auth is down. Unavailability is returned but not stored.
local function ask_auth(conf, key)
  local deadline = now_ms() + conf.timeout_ms
  local failure = "no verification URL"
  for _, url in ipairs(attempt_order(conf.verification_urls, conf.randomize_start)) do
    local budget = math.floor(deadline - now_ms())
    if budget <= 0 then
      failure = "time budget of " .. conf.timeout_ms .. " ms spent"
      break
    end
    local client = http.new()
    client:set_timeouts(budget, budget, budget)
    local response, err = client:request_uri(url, {
      method = "GET",
      headers = { [HEADER] = key },
    })
    if response then
      local verdict, why = verdict_of(response)
      if verdict then
        return verdict, nil, verdict.allowed and conf.positive_ttl or conf.negative_ttl
      end
      failure = why
    else
      failure = err or "unknown transport error"
    end
    kong.log.warn("API key verification via ", url, " failed: ", failure)
  end
  kong.log.err("API key verification impossible, answering 503: ", failure)
  return { unavailable = true }, nil, DO_NOT_CACHE
end

function ApiKeyAuth:access(conf)
  if is_open_route() then
    return
  end

  local key = kong.request.get_header(HEADER)
  if key == nil or key == "" then
    return reject(401, MISSING)
  end

  local verdict, err = kong.cache:get(cache_key(conf, key), nil, ask_auth, conf, key)
  if not verdict then
    kong.log.err("API key verification failed, answering 503: ", err)
    return reject(503, UNAVAILABLE)
  end
  if verdict.allowed then
    return
  end
  if verdict.unavailable then
    return reject(503, UNAVAILABLE)
  end
  return reject(verdict.status, verdict.message)
end

return ApiKeyAuth
