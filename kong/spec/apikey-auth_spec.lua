-- Specification of the apikey-auth Kong plugin, run against a recorded fake of Kong's PDK.
local fake = require("fake_kong")

local AUTH = "http://auth:8080/auth/verify/apikey"
local AUTH1 = "http://auth1:8080/auth/verify/apikey"
local AUTH2 = "http://auth2:8080/auth/verify/apikey"
local KEY = "s3cr3t-KEY-value-0123456789"

local OK = { status = 200, body = '{"code":"10000","status":200,"message":"success"}' }
local INVALID = { status = 403, body = '{"code":"10001","status":403,"message":"permission denied: invalid x-api-key"}' }

local function config(overrides)
  local conf = {
    verification_urls = { AUTH },
    randomize_start = false,
    timeout_ms = 1000,
    positive_ttl = 30,
    negative_ttl = 5,
  }
  for name, value in pairs(overrides or {}) do conf[name] = value end
  return conf
end

describe("apikey-auth plugin", function()
  local world, plugin

  before_each(function()
    world = fake.world()
    plugin = fake.install(world)
  end)

  local function request(method, path, key)
    world.request = { method = method, path = path, headers = { ["x-api-key"] = key } }
  end

  local function run(conf)
    local exits_before = #world.exits
    plugin:access(conf or config())
    return world.exits[exits_before + 1]
  end

  local function advance_seconds(seconds)
    world.clock_ms = world.clock_ms + seconds * 1000
  end

  describe("health probes", function()
    it("lets GET /auth/health and /blog/health through without a key or a call to auth", function()
      for _, path in ipairs({ "/auth/health", "/blog/health" }) do
        request("GET", path, nil)
        assert.is_nil(run())
      end
      assert.equals(0, #world.auth_calls)
    end)

    it("does not treat other shapes as health probes", function()
      for _, path in ipairs({ "/auth/health/", "/auth/x/health", "/health", "/auth/healthz" }) do
        request("GET", path, nil)
        local answer = run()
        assert.is_not_nil(answer, path .. " must need a key")
        assert.equals(401, answer.status)
      end
    end)

    it("only bypasses GET", function()
      request("POST", "/auth/health", nil)
      assert.equals(401, run().status)
    end)
  end)

  describe("the OpenAPI documents", function()
    it("lets GET /auth/v3/api-docs and /blog/v3/api-docs through without a key or a call to auth", function()
      for _, path in ipairs({ "/auth/v3/api-docs", "/blog/v3/api-docs" }) do
        request("GET", path, nil)
        assert.is_nil(run())
      end
      assert.equals(0, #world.auth_calls)
    end)

    it("does not open other shapes", function()
      for _, path in ipairs({ "/auth/v3/api-docs/", "/auth/v3/api-docs/x", "/v3/api-docs/auth", "/auth/v3/api-docs.yaml",
        "/auth/v3/api_docs", "/auth/x/v3/api-docs", "/swagger-ui.html" }) do
        request("GET", path, nil)
        local answer = run()
        assert.is_not_nil(answer, path .. " must need a key")
        assert.equals(401, answer.status)
      end
    end)

    it("only opens GET", function()
      request("POST", "/auth/v3/api-docs", nil)
      assert.equals(401, run().status)
    end)
  end)

  describe("a request without a key", function()
    it("is answered 401 with the envelope and a numeric status", function()
      request("GET", "/blog/list/latest", nil)
      local answer = run()
      assert.equals(401, answer.status)
      assert.same({ code = "10001", status = 401, message = "x-api-key header is missing" }, answer.body)
      assert.equals("number", type(answer.body.status))
      assert.equals(0, #world.auth_calls)
    end)

    it("treats an empty key as missing", function()
      request("GET", "/auth/profile/mine", "")
      assert.same({ code = "10001", status = 401, message = "x-api-key header is missing" }, run().body)
      assert.equals(0, #world.auth_calls)
    end)
  end)

  describe("verification by auth", function()
    it("passes a request whose key auth accepts, asking auth with the key in x-api-key", function()
      world.auth[AUTH] = OK
      request("POST", "/auth/signin/basic", KEY)
      assert.is_nil(run())
      assert.equals(1, #world.auth_calls)
      local call = world.auth_calls[1]
      assert.equals(AUTH, call.url)
      assert.equals("GET", call.params.method)
      assert.equals(KEY, call.params.headers["x-api-key"])
    end)

    it("bounds the call to auth by timeout_ms", function()
      world.auth[AUTH] = OK
      request("GET", "/blog/list/latest", KEY)
      run(config({ timeout_ms = 300 }))
      local timeouts = world.auth_calls[1].timeouts
      assert.is_true(timeouts.connect <= 300 and timeouts.send <= 300 and timeouts.read <= 300)
      assert.is_true(timeouts.connect > 0)
    end)

    it("answers 403 with auth's envelope for a key auth rejects", function()
      world.auth[AUTH] = INVALID
      request("GET", "/blog/list/latest", "not-a-key")
      local answer = run()
      assert.equals(403, answer.status)
      assert.same({ code = "10001", status = 403, message = "permission denied: invalid x-api-key" }, answer.body)
    end)

    it("answers 403 with the standard message when auth's rejection has no readable envelope", function()
      world.auth[AUTH] = { status = 403, body = "Forbidden" }
      request("GET", "/blog/list/latest", "not-a-key")
      assert.same({ code = "10001", status = 403, message = "permission denied: invalid x-api-key" }, run().body)
    end)

    it("relays auth's 401 with its message", function()
      world.auth[AUTH] = { status = 401, body = '{"code":"10001","status":401,"message":"permission denied: missing x-api-key header"}' }
      request("GET", "/blog/list/latest", KEY)
      local answer = run()
      assert.equals(401, answer.status)
      assert.equals("permission denied: missing x-api-key header", answer.body.message)
    end)
  end)

  describe("failing closed", function()
    local UNAVAILABLE = { code = "10001", status = 503, message = "authentication service unavailable" }

    it("answers 503 when auth cannot be reached", function()
      world.auth[AUTH] = { error = "connection refused" }
      request("GET", "/blog/list/latest", KEY)
      local answer = run()
      assert.equals(503, answer.status)
      assert.same(UNAVAILABLE, answer.body)
    end)

    it("answers 503 when auth does not answer in time", function()
      world.auth[AUTH] = { timeout = true }
      request("GET", "/blog/list/latest", KEY)
      assert.same(UNAVAILABLE, run().body)
    end)

    -- Every answer of auth but 200, 401 and 403 fails closed: a 5xx, or anything unexpected.
    for _, case in ipairs({
      { name = "auth fails with a 5xx", statuses = { 500, 502, 503, 504 }, body = '{"message":"boom"}' },
      { name = "any other unexpected answer from auth", statuses = { 204, 302, 404, 429 }, body = "" },
    }) do
      it("answers 503 when " .. case.name, function()
        for _, status in ipairs(case.statuses) do
          world.auth[AUTH] = { status = status, body = case.body }
          request("GET", "/blog/list/latest", KEY .. status)
          assert.same(UNAVAILABLE, run().body)
        end
      end)
    end

    it("answers 503 when the cache itself fails", function()
      world.cache_broken = "no memory"
      world.auth[AUTH] = OK
      request("GET", "/blog/list/latest", KEY)
      assert.same(UNAVAILABLE, run().body)
    end)

    it("does not remember unavailability: the next request asks auth again", function()
      world.auth[AUTH] = { error = "connection refused" }
      request("GET", "/blog/list/latest", KEY)
      assert.equals(503, run().status)
      world.auth[AUTH] = OK
      assert.is_nil(run())
      assert.equals(2, #world.auth_calls)
    end)

    it("does not keep trusting an expired verdict while auth is down", function()
      world.auth[AUTH] = OK
      request("GET", "/blog/list/latest", KEY)
      assert.is_nil(run())
      advance_seconds(31)
      world.auth[AUTH] = { error = "connection refused" }
      assert.equals(503, run().status)
    end)
  end)

  describe("caching", function()
    it("answers a verified key from cache until positive_ttl has passed", function()
      world.auth[AUTH] = OK
      request("GET", "/blog/list/latest", KEY)
      assert.is_nil(run())
      advance_seconds(29)
      assert.is_nil(run())
      assert.equals(1, #world.auth_calls)
      advance_seconds(2)
      assert.is_nil(run())
      assert.equals(2, #world.auth_calls)
    end)

    it("answers a rejected key from cache until negative_ttl has passed", function()
      world.auth[AUTH] = INVALID
      request("GET", "/blog/list/latest", "not-a-key")
      assert.equals(403, run().status)
      advance_seconds(4)
      local cached = run()
      assert.equals(403, cached.status)
      assert.equals("permission denied: invalid x-api-key", cached.body.message)
      assert.equals(1, #world.auth_calls)
      advance_seconds(2)
      world.auth[AUTH] = OK
      assert.is_nil(run())
      assert.equals(2, #world.auth_calls)
    end)

    it("keeps verdicts of different keys apart", function()
      world.auth[AUTH] = function(_, call)
        return call.params.headers["x-api-key"] == KEY and OK or INVALID
      end
      request("GET", "/blog/list/latest", KEY)
      assert.is_nil(run())
      request("GET", "/blog/list/latest", "other-key")
      assert.equals(403, run().status)
      assert.equals(2, #world.auth_calls)
    end)

    it("keys the cache by a hex digest, never by the key itself", function()
      world.auth[AUTH] = OK
      request("GET", "/blog/list/latest", KEY)
      run()
      local cache_key = world.cache_keys[1]
      assert.matches("^apikey%-auth:%x+$", cache_key)
      assert.equals(#"apikey-auth:" + 64, #cache_key)
      assert.is_nil(cache_key:find(KEY, 1, true))
    end)
  end)

  describe("several verification URLs", function()
    local two = { AUTH1, AUTH2 }

    it("fails over to the next URL when one cannot be reached", function()
      world.auth[AUTH1] = { error = "connection refused" }
      world.auth[AUTH2] = OK
      request("GET", "/blog/list/latest", KEY)
      assert.is_nil(run(config({ verification_urls = two })))
      assert.same({ AUTH1, AUTH2 }, { world.auth_calls[1].url, world.auth_calls[2].url })
    end)

    it("fails over when one instance answers 5xx", function()
      world.auth[AUTH1] = { status = 500, body = "" }
      world.auth[AUTH2] = INVALID
      request("GET", "/blog/list/latest", KEY)
      assert.equals(403, run(config({ verification_urls = two })).status)
    end)

    it("does not fail over once an instance gave a clear answer", function()
      world.auth[AUTH1] = INVALID
      world.auth[AUTH2] = OK
      request("GET", "/blog/list/latest", KEY)
      assert.equals(403, run(config({ verification_urls = two })).status)
      assert.equals(1, #world.auth_calls)
    end)

    it("answers 503 when every instance fails", function()
      world.auth[AUTH1] = { error = "connection refused" }
      world.auth[AUTH2] = { status = 503, body = "" }
      request("GET", "/blog/list/latest", KEY)
      assert.equals(503, run(config({ verification_urls = two })).status)
      assert.equals(2, #world.auth_calls)
    end)

    it("spends one time budget across all attempts", function()
      world.auth[AUTH1] = { timeout = true }
      world.auth[AUTH2] = OK
      request("GET", "/blog/list/latest", KEY)
      assert.equals(503, run(config({ verification_urls = two, timeout_ms = 500 })).status)
      assert.equals(1, #world.auth_calls)
    end)

    it("gives the next URL only what is left of the budget", function()
      world.auth[AUTH1] = function(w) w.clock_ms = w.clock_ms + 200; return { error = "connection reset" } end
      world.auth[AUTH2] = OK
      request("GET", "/blog/list/latest", KEY)
      assert.is_nil(run(config({ verification_urls = two, timeout_ms = 500 })))
      assert.is_true(world.auth_calls[2].timeouts.read <= 300)
    end)

    it("starts at a random URL when randomize_start is set, and still fails over", function()
      local real_random = math.random
      math.random = function(n) assert.equals(2, n); return 2 end
      world.auth[AUTH1] = OK
      world.auth[AUTH2] = { error = "connection refused" }
      request("GET", "/blog/list/latest", KEY)
      local ok, err = pcall(run, config({ verification_urls = two, randomize_start = true }))
      math.random = real_random
      assert(ok, err)
      assert.same({ AUTH2, AUTH1 }, { world.auth_calls[1].url, world.auth_calls[2].url })
    end)
  end)

  describe("secrecy", function()
    it("never writes the key to the log, whatever happens", function()
      local scenarios = {
        { error = "connection refused" }, { timeout = true }, { status = 500, body = "" },
        { status = 418, body = "" }, INVALID, OK,
      }
      for i, answer in ipairs(scenarios) do
        world.auth[AUTH1] = answer
        world.auth[AUTH2] = { error = "connection refused" }
        request("GET", "/blog/list/latest", KEY .. "-" .. i)
        run(config({ verification_urls = { AUTH1, AUTH2 } }))
      end
      world.cache_broken = "boom"
      run()
      assert.is_true(#world.logs > 0)
      for _, entry in ipairs(world.logs) do
        assert.is_nil(entry.text:find(KEY, 1, true), "logged: " .. entry.text)
      end
    end)
  end)
end)

describe("apikey-auth schema", function()
  local schema, fields

  setup(function()
    schema = fake.load_schema()
    fields = {}
    for _, entry in ipairs(schema.fields) do
      local name, definition = next(entry)
      if name == "config" then
        for _, config_entry in ipairs(definition.fields) do
          local field_name, field = next(config_entry)
          fields[field_name] = field
        end
      end
    end
  end)

  it("is named like the plugin and applies to HTTP only, not per consumer", function()
    assert.equals("apikey-auth", schema.name)
    local top = {}
    for _, entry in ipairs(schema.fields) do
      local name, definition = next(entry)
      top[name] = definition
    end
    assert.equals("protocols_http", top.protocols.marker)
    assert.equals("no_consumer", top.consumer.marker)
  end)

  it("defaults to the single auth service's verify endpoint and requires at least one URL", function()
    assert.same({ "http://auth:8080/auth/verify/apikey" }, fields.verification_urls.default)
    assert.equals(1, fields.verification_urls.len_min)
    assert.equals("url", fields.verification_urls.elements.marker)
  end)

  it("defaults to a short hard timeout of at most 2 seconds", function()
    assert.equals(1000, fields.timeout_ms.default)
    assert.is_true(fields.timeout_ms.between[2] <= 2000)
  end)

  it("defaults to caching a yes for 30 s and a no for 5 s, never forever", function()
    assert.equals(30, fields.positive_ttl.default)
    assert.equals(5, fields.negative_ttl.default)
    -- 0 means "never expires" in Kong's cache: the lower bounds exclude it
    assert.is_true(fields.positive_ttl.between[1] > 0)
    assert.is_true(fields.negative_ttl.between[1] > 0)
  end)

  it("spreads load over several URLs by default", function()
    assert.is_true(fields.randomize_start.default)
  end)
end)
