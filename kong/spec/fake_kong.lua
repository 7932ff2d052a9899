-- A stand-in for the parts of Kong and OpenResty the plugin touches: the `kong` PDK global
-- (request, response, cache, log), `ngx` time, and the resty/cjson modules, all recorded so the
-- specs can assert on what the plugin did. The cache follows lua-resty-mlcache's contract:
-- a loader's `nil, err` is not stored, a third return value overrides the TTL, and a negative
-- TTL means "return but do not store".
local fake = {}

-- Deterministic 32-byte stand-in for SHA-256 (the real one lives in OpenResty).
local function fake_digest(input)
  local bytes = {}
  for seed = 1, 8 do
    local h = seed * 7919
    for i = 1, #input do
      h = (h * 31 + input:byte(i) + seed) % 2147483647
    end
    for _ = 1, 4 do
      bytes[#bytes + 1] = string.char(h % 256)
      h = math.floor(h / 256)
    end
  end
  return table.concat(bytes)
end

local function fake_sha256()
  return {
    new = function()
      local parts = {}
      return {
        update = function(_, s) parts[#parts + 1] = s; return true end,
        final = function() return fake_digest(table.concat(parts)) end,
      }
    end,
  }
end

-- A tiny JSON reader good enough for the envelopes auth answers with.
local function fake_cjson()
  return {
    decode = function(text)
      if type(text) ~= "string" or not text:match("^%s*{") then
        return nil, "Expected object"
      end
      local object = {}
      for name, value in text:gmatch('"([^"]+)"%s*:%s*"([^"]*)"') do object[name] = value end
      for name, value in text:gmatch('"([^"]+)"%s*:%s*(%d+)') do object[name] = tonumber(value) end
      return object
    end,
  }
end

-- Builds a fresh world. `auth` maps a URL to what it answers: a table {status=, body=}, or
-- {error="..."} for a transport failure, or {timeout=true} (consumes the whole budget), or a
-- function(world, request) returning one of those.
function fake.world()
  local world = {
    clock_ms = 0,
    auth = {},
    auth_calls = {},
    exits = {},
    logs = {},
    cache_store = {},
    cache_keys = {},
  }

  local function record_log(level)
    return function(...)
      local parts = {}
      for i = 1, select("#", ...) do parts[#parts + 1] = tostring((select(i, ...))) end
      world.logs[#world.logs + 1] = { level = level, text = table.concat(parts) }
    end
  end

  world.request = { method = "GET", path = "/blog/list/latest", headers = {} }

  local cache = {}
  function cache:get(key, opts, loader, ...)
    world.cache_keys[#world.cache_keys + 1] = key
    if world.cache_broken then
      return nil, "failed to get from node cache: " .. world.cache_broken
    end
    local entry = world.cache_store[key]
    if entry and entry.expires_ms > world.clock_ms then
      return entry.value, nil, 1
    end
    local ok, value, err, ttl = pcall(loader, ...)
    if not ok then
      return nil, "callback threw an error: " .. tostring(value)
    end
    if err then
      return nil, err
    end
    if ttl == nil or ttl >= 0 then
      assert(ttl and ttl > 0, "the plugin must not store a value forever (ttl 0) or without a TTL")
      world.cache_store[key] = { value = value, expires_ms = world.clock_ms + ttl * 1000 }
    end
    return value, nil, 3
  end

  world.kong = {
    request = {
      get_method = function() return world.request.method end,
      get_path = function() return world.request.path end,
      get_header = function(name) return world.request.headers[name:lower()] end,
    },
    response = {
      exit = function(status, body, headers)
        world.exits[#world.exits + 1] = { status = status, body = body, headers = headers }
        return "exited"
      end,
    },
    cache = cache,
    log = {
      debug = record_log("debug"),
      info = record_log("info"),
      notice = record_log("notice"),
      warn = record_log("warn"),
      err = record_log("err"),
    },
  }

  world.ngx = {
    now = function() return world.clock_ms / 1000 end,
    update_time = function() end,
  }

  world.http = {
    new = function()
      local client = { timeouts = nil }
      function client:set_timeouts(connect, send, read)
        self.timeouts = { connect = connect, send = send, read = read }
      end
      function client:request_uri(url, params)
        local call = { url = url, params = params, timeouts = self.timeouts }
        world.auth_calls[#world.auth_calls + 1] = call
        local answer = world.auth[url] or { error = "no such host" }
        if type(answer) == "function" then answer = answer(world, call) end
        if answer.timeout then
          world.clock_ms = world.clock_ms + self.timeouts.read
          return nil, "timeout"
        end
        if answer.error then
          world.clock_ms = world.clock_ms + 1
          return nil, answer.error
        end
        world.clock_ms = world.clock_ms + 1
        return { status = answer.status, body = answer.body, headers = {} }
      end
      return client
    end,
  }

  return world
end

-- Installs a world as the globals and modules the plugin sees, and loads the plugin afresh.
function fake.install(world)
  _G.kong = world.kong
  _G.ngx = world.ngx
  package.loaded["resty.http"] = world.http
  package.loaded["resty.sha256"] = fake_sha256()
  package.loaded["cjson.safe"] = fake_cjson()
  package.loaded["plugins.apikey-auth.handler"] = nil
  return require("plugins.apikey-auth.handler")
end

-- The schema only needs typedefs to be distinguishable markers here.
function fake.load_schema()
  package.loaded["kong.db.schema.typedefs"] = {
    no_consumer = { type = "foreign", marker = "no_consumer" },
    protocols_http = { type = "set", marker = "protocols_http" },
    url = { type = "string", marker = "url" },
  }
  package.loaded["plugins.apikey-auth.schema"] = nil
  return require("plugins.apikey-auth.schema")
end

return fake
