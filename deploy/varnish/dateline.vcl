vcl 4.1;
# Dateline's edge cache: Varnish between nginx (which ends TLS) and gunicorn.
# docs/deploy.md "Edge cache (Varnish)" explains each part; docs/decisions.md why Varnish.
# Written for Debian 12's Varnish 7.1. Install as /etc/varnish/dateline.vcl and start
# varnishd with -a 127.0.0.1:6081 -f /etc/varnish/dateline.vcl -s malloc,256m.
#
# What it does:
# - keeps anonymous GET/HEAD answers for as long as Dateline's Cache-Control says
#   (s-maxage), and only those Dateline marks public;
# - lets one request fetch a missing page while the others wait for it (Varnish's waiting
#   list: nothing here turns a miss into a pass);
# - answers with the previous copy while a fresh one is fetched (grace: 10 s past its
#   lifetime while gunicorn answers its probe, a day while it does not, or when a fetch
#   fails or answers 5xx);
# - never keeps logged-in or personal answers: /admin/, editors' and form-users' cookies,
#   anything but GET and HEAD, answers that set a cookie or say private/no-store/no-cache;
# - marks each fetch (X-Dateline-Edge-Fetch), for which gunicorn checks the page against
#   the last second's publishes too; keeps Dateline's stale copies (s-maxage=1) a second;
# - is cleared by Dateline on publish (FRONTEND_CACHE_BACKEND=varnish): PURGE for an exact
#   address, BAN with X-Ban-Url (a regular expression on the path) and X-Ban-Host for the
#   other pages of a listing, both only from the addresses in `purgers`.

import std;

backend dateline {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
}

# The same gunicorn, watched: /robots.txt needs neither the database nor the cache, so a
# failed probe means gunicorn itself is down, stuck or swamped. Its health only decides how
# stale a copy readers may get (vcl_recv); pages are always fetched from `dateline` above,
# which has no probe, because Varnish fetches nothing from a backend it thinks sick: a busy
# gunicorn that answers slowly would get no request at all.
backend dateline_watched {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = {
        .url = "/robots.txt";
        .timeout = 2s;
        .interval = 2s;
        .window = 3;
        .threshold = 2;
        .initial = 2;  # healthy from the start, not after the first probes
    }
}

# Who may PURGE and BAN: the machines that run gunicorn and `dateline worker` (a publish
# purges from whichever process commits it). Add their private addresses here.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # nginx says how the reader came (X-Forwarded-Proto); a request without it came over http.
    if (!req.http.X-Forwarded-Proto) {
        set req.http.X-Forwarded-Proto = "http";
    }
    if (req.method == "PURGE" || req.method == "BAN") {
        call dateline_clear;
    }
    # nginx sends the reader's address in X-Forwarded-For and varnishd appends nginx's own
    # (127.0.0.1). Dateline reads the last address (DATELINE_CLIENT_IP_HEADER), so drop the
    # one varnishd added: the last is then the one nginx appended, which a reader cannot forge.
    if (req.http.X-Forwarded-For ~ ",") {
        set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, ",\s*[^,]*$", "");
    }
    unset req.http.X-Dateline-Edge;
    if (req.restarts == 0) {
        unset req.http.X-Dateline-Stale;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin (editors, previews, the desk) and anyone who sent credentials.
    if (req.url ~ "^/admin(/|\?|$)" || req.http.Authorization) {
        return (pass);
    }
    # A session (an editor, a reader of a password-protected page) or a CSRF cookie (a
    # reader who has used a form): their pages go to Dateline with their cookies.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Everyone else is anonymous: other cookies (analytics, consent banners of embeds) change
    # nothing Dateline shows, and would split the cache by reader.
    unset req.http.Cookie;
    # The edition comes from the address, never from the browser's languages.
    unset req.http.Accept-Language;
    # Campaign parameters change nothing on the page (Dateline's page cache ignores them too).
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*", "\1");
        set req.url = regsuball(req.url, "([?&])&+", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    set req.http.Host = std.tolower(req.http.Host);
    # Stale copies: at most 10 s past their lifetime while gunicorn answers its probe (one
    # request fetches the fresh copy in the background); any age up to a day while it does
    # not, or when the fetch failed (vcl_deliver restarts the request with this header).
    set req.backend_hint = dateline;
    if (std.healthy(dateline_watched) && !req.http.X-Dateline-Stale) {
        set req.grace = 10s;
    }
    set req.http.X-Dateline-Edge = "cacheable";
    return (hash);
}

sub dateline_clear {
    # Only Dateline itself: from an address in `purgers`, and not relayed by nginx (a relayed
    # request carries the reader's address before varnishd's own in X-Forwarded-For).
    if (client.ip !~ purgers || req.http.X-Forwarded-For ~ ",") {
        return (synth(405, "Not allowed"));
    }
    if (req.method == "PURGE") {
        set req.http.Host = std.tolower(req.http.Host);
        return (purge);
    }
    if (!req.http.X-Ban-Url) {
        return (synth(400, "BAN needs an X-Ban-Url header (a regular expression)"));
    }
    # Ban expressions are split at spaces and take no quotes: neither may contain any.
    if (req.http.X-Ban-Url ~ "\s" || req.http.X-Ban-Host ~ "\s") {
        return (synth(400, "X-Ban-Url and X-Ban-Host may not contain spaces"));
    }
    set req.http.X-Dateline-Ban = "obj.http.X-Url ~ " + req.http.X-Ban-Url;
    if (req.http.X-Ban-Host) {
        set req.http.X-Dateline-Ban = req.http.X-Dateline-Ban + " && obj.http.X-Host == " +
            std.tolower(req.http.X-Ban-Host);
    }
    if (std.ban(req.http.X-Dateline-Ban)) {
        return (synth(200, "Banned"));
    }
    return (synth(400, std.ban_error()));
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.Host);
    # http and https pages differ (canonical links, redirects): keep them apart.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_purge {
    return (synth(200, "Purged"));
}

sub vcl_backend_fetch {
    unset bereq.http.X-Dateline-Edge;
    unset bereq.http.X-Dateline-Stale;
    # Tells gunicorn that what it answers is kept here: it then checks the page against the
    # publishes of the last second too, which each worker otherwise notices within a second.
    set bereq.http.X-Dateline-Edge-Fetch = "1";
}

sub vcl_backend_response {
    # Bans match on these (and so the ban lurker can clear old objects in the background).
    set beresp.http.X-Url = bereq.url;
    set beresp.http.X-Host = bereq.http.Host;
    if (bereq.uncacheable) {
        return (deliver);  # a pass: an editor's or a form's request
    }
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);  # keep serving the copy we have
        }
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Only what Dateline marks shareable. Anything else becomes a short hit-for-miss (not a
    # hit-for-pass): the next request goes to gunicorn without waiting, and if that answer
    # is shareable it is kept as usual.
    if (beresp.http.Set-Cookie
            || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
            || beresp.http.Cache-Control !~ "(?i)(public|s-maxage)"
            || beresp.http.Vary ~ "(?i)(\*|authorization)"
            || beresp.ttl <= 0s) {
        set beresp.ttl = 10s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # beresp.ttl is s-maxage (else max-age). Kept a day past it for grace.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    # A fetch that failed (gunicorn down before its probe says so, the database down): once,
    # look again for a stale copy of any age before showing the error.
    if (resp.status >= 500 && req.restarts == 0 && req.http.X-Dateline-Edge == "cacheable") {
        set req.http.X-Dateline-Stale = "1";
        return (restart);
    }
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Url;
    unset resp.http.X-Host;
    unset resp.http.Via;
}
