-- Every change that can alter what authenticating an access token answers (a session ended or
-- rotated, a user changed or deactivated, a role assigned, removed or deactivated) notifies channel
-- auth_grants with the user's id ('*' for a role: every user), when its transaction commits. Each
-- instance keeps the grants it read in memory (auth.session.SessionGrants) and drops them on these
-- notifications; a trigger cannot be bypassed by a code path that forgets to say so.
CREATE FUNCTION auth_grant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    PERFORM pg_notify('auth_grants', CASE WHEN TG_ARGV[0] = '*' THEN '*' ELSE changed ->> TG_ARGV[0] END);
    -- Read before the commit: only a transaction that changed a grant waits for the instances to confirm.
    PERFORM set_config('auth.grants_changed', 'on', true);
    RETURN NULL;
END
$$;

-- Only a row that could still grant: new sessions grant nothing cached yet, expired ones nothing at all.
CREATE TRIGGER keystore_grant_changed AFTER UPDATE OR DELETE ON keystore
    FOR EACH ROW WHEN (OLD.status AND OLD.expires_at > now()) EXECUTE FUNCTION auth_grant_changed('user_id');

CREATE TRIGGER users_grant_changed AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION auth_grant_changed('id');

CREATE TRIGGER user_roles_grant_changed AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION auth_grant_changed('user_id');

CREATE TRIGGER roles_grant_changed AFTER UPDATE OR DELETE ON roles
    FOR EACH STATEMENT EXECUTE FUNCTION auth_grant_changed('*');
