package gov.appeals.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part of the authorization code + PKCE login, as the tests need it: the issuer's form login, the code
 * from the redirect, the token exchange. (deploy's {@code IssuerLogin} is the command-line version; it is built after
 * this module, so the tests here have their own.)
 */
final class PkceLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"(access_token|id_token)\"\\s*:\\s*\"([^\"]+)\"");

    private PkceLogin() {
    }

    /** The access token, or an {@link IllegalStateException} saying where the login stopped. */
    static String accessToken(URI issuer, String username, String password) throws IOException, InterruptedException {
        return tokens(issuer, username, password).get("access_token");
    }

    /** {@code access_token} and {@code id_token} from the token response. */
    static Map<String, String> tokens(URI issuer, String username, String password)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String state = Long.toHexString(new SecureRandom().nextLong());
        URI authorize = issuer.resolve("/oauth2/authorize?" + form(Map.of(
                "response_type", "code", "client_id", AuthorizationServerConfig.CLI_CLIENT,
                "redirect_uri", AuthorizationServerConfig.CLI_REDIRECT_URI, "scope", "openid profile",
                "state", state, "code_challenge", challenge(verifier), "code_challenge_method", "S256")));

        HttpResponse<String> toLogin = http.send(get(authorize), HttpResponse.BodyHandlers.ofString());
        URI loginPage = location(authorize, toLogin);
        HttpResponse<String> page = http.send(get(loginPage), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No _csrf field on " + loginPage);
        }
        HttpResponse<String> loggedIn = http.send(post(issuer.resolve("/login"), form(Map.of(
                "username", username, "password", password, "_csrf", csrf.group(1)))),
                HttpResponse.BodyHandlers.ofString());
        URI back = location(issuer, loggedIn);
        if (back.getPath().equals("/login")) {
            throw new IllegalStateException("Login refused for " + username + ": wrong password or unknown user");
        }
        HttpResponse<String> withCode = http.send(get(back), HttpResponse.BodyHandlers.ofString());
        URI callback = location(back, withCode);
        Map<String, String> query = query(callback);
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("No code in the redirect to " + callback);
        }
        HttpResponse<String> token = http.send(post(issuer.resolve("/oauth2/token"), form(Map.of(
                "grant_type", "authorization_code", "code", query.get("code"),
                "redirect_uri", AuthorizationServerConfig.CLI_REDIRECT_URI,
                "client_id", AuthorizationServerConfig.CLI_CLIENT, "code_verifier", verifier))),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Token request answered " + token.statusCode());
        }
        Map<String, String> tokens = new java.util.HashMap<>();
        Matcher found = TOKEN.matcher(token.body());
        while (found.find()) {
            tokens.put(found.group(1), found.group(2));
        }
        return tokens;
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static HttpRequest post(URI uri, String form) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static URI location(URI base, HttpResponse<?> response) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ", not a redirect");
        }
        return base.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return java.util.Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).filter(p -> p.length == 2)
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8),
                        (a, b) -> a));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
