import HummingbirdAuth
import Store

/// hummingbird-auth's `RolePolicy` checks the signed-in ``User``'s one role on every route.
extension User: RoleProviding {}
