package gov.appeals.deploy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets an access token for a demo user from the local issuer (identity-server), as a browser would: authorization
 * code with PKCE (S256) for the public client {@code appeals-cli}. It asks {@code /oauth2/authorize}, is sent to the
 * login form, posts the user's name and password with the form's CSRF token, is sent back to
 * {@code /oauth2/authorize}, reads the code from the redirect to the client's redirect URI (never followed: nothing
 * listens there) and exchanges it at {@code /oauth2/token}. Plain JDK HTTP, no Spring.
 *
 * <p>{@code deploy/token.sh <user>} runs {@link #main}: the token alone on stdout, errors on stderr.
 */
public final class IssuerLogin {

    public static final String CLIENT_ID = "appeals-cli";
    public static final String REDIRECT_URI = "http://127.0.0.1/appeals-cli/callback";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final HttpClient http;

    private IssuerLogin(URI issuer) {
        this.issuer = issuer;
        // Redirects are followed by hand: the last one (to the client's redirect URI) carries the code.
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /**
     * @return the access token (a signed JWT)
     * @throws IllegalStateException saying why not: the issuer unreachable, the login refused, an unexpected answer
     */
    public static String accessToken(URI issuer, String username, String password) {
        try {
            return new IssuerLogin(issuer).login(username, password);
        } catch (ConnectException e) {
            throw new IllegalStateException("The issuer at " + issuer + " is not reachable (is identity-server "
                    + "running? ISSUER_URI or ISSUER_PORT name another one)", e);
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("The issuer at " + issuer + " did not answer within "
                    + TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new IllegalStateException("Talking to the issuer at " + issuer + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while logging in", e);
        }
    }

    private String login(String username, String password) throws IOException, InterruptedException {
        String verifier = random(32);
        String state = random(16);
        Map<String, String> authorization = new LinkedHashMap<>();
        authorization.put("response_type", "code");
        authorization.put("client_id", CLIENT_ID);
        authorization.put("redirect_uri", REDIRECT_URI);
        authorization.put("scope", "openid profile");
        authorization.put("state", state);
        authorization.put("code_challenge", s256(verifier));
        authorization.put("code_challenge_method", "S256");
        URI authorize = issuer.resolve("/oauth2/authorize?" + form(authorization));

        // 1. Not signed in yet: the issuer sends the browser to its login form.
        URI loginPage = redirect(send(get(authorize)), "the authorization request");
        HttpResponse<String> page = send(get(loginPage));
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The login page " + loginPage + " answered " + page.statusCode());
        }
        String csrf = csrfToken(page.body())
                .orElseThrow(() -> new IllegalStateException("No _csrf field on the login page " + loginPage));

        // 2. The form: success sends us back to the authorization request, failure to /login?error.
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", password);
        credentials.put("_csrf", csrf);
        URI afterLogin = redirect(send(post(issuer.resolve("/login"), form(credentials))), "the login form");
        if (afterLogin.getPath() != null && afterLogin.getPath().endsWith("/login")) {
            throw new IllegalStateException("The issuer refused the login of '" + username + "': wrong password "
                    + "or unknown user (demo users: clerk-<unit>, head-<unit>, triager, supervisor, operator; "
                    + "password DEMO_PASSWORD, default demo)");
        }

        // 3. Signed in: the authorization request now redirects to the client with the code.
        URI callback = redirect(send(get(afterLogin)), "the authorization request after login");
        Map<String, String> answer = query(callback);
        if (!callback.toString().startsWith(REDIRECT_URI)) {
            throw new IllegalStateException("Expected a redirect to " + REDIRECT_URI + " with a code, got "
                    + strip(callback));
        }
        if (answer.containsKey("error")) {
            throw new IllegalStateException("The issuer refused the authorization: " + answer.get("error")
                    + Optional.ofNullable(answer.get("error_description")).map(d -> " (" + d + ")").orElse(""));
        }
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("The redirect to " + REDIRECT_URI + " carries no code for this request");
        }

        // 4. The code and the PKCE verifier for the token.
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", answer.get("code"));
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("client_id", CLIENT_ID);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token = send(post(issuer.resolve("/oauth2/token"), form(exchange)));
        Matcher accessToken = ACCESS_TOKEN.matcher(token.body());
        if (token.statusCode() != 200 || !accessToken.find()) {
            Matcher error = ERROR.matcher(token.body());
            throw new IllegalStateException("The token request answered " + token.statusCode()
                    + (error.find() ? " " + error.group(1) : ""));
        }
        return accessToken.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(URI uri) {
        // Accept text/html as a browser does: an unauthenticated HTML request is sent to the login form.
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest post(URI uri, String form) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "text/html, application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    /** The Location of a redirect, resolved against the request; anything else is an unexpected answer. */
    private static URI redirect(HttpResponse<String> response, String step) {
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) {
            throw new IllegalStateException("Unexpected answer to " + step + " (" + strip(response.uri()) + "): "
                    + response.statusCode() + ", expected a redirect");
        }
        return response.uri().resolve(location.get());
    }

    static Optional<String> csrfToken(String loginPage) {
        Matcher input = CSRF_INPUT.matcher(loginPage);
        if (!input.find()) {
            return Optional.empty();
        }
        Matcher value = VALUE.matcher(input.group());
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2)
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (first, second) -> first));
    }

    /** A URI without its query, for messages: queries here carry codes and states. */
    private static String strip(URI uri) {
        String s = uri.toString();
        int query = s.indexOf('?');
        return query < 0 ? s : s.substring(0, query);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The issuer URL from the environment: {@code ISSUER_URI}, else {@code http://127.0.0.1:${ISSUER_PORT:-9000}}. */
    static URI issuer(Map<String, String> env) {
        String uri = env.get("ISSUER_URI");
        if (uri != null && !uri.isBlank()) {
            return URI.create(uri.trim());
        }
        String port = env.get(PlatformConfig.ISSUER_PORT);
        return URI.create("http://127.0.0.1:" + (port == null || port.isBlank() ? "9000" : port.trim()));
    }

    /** {@code IssuerLogin <user>}: prints the user's access token, and nothing else, on stdout. */
    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("usage: token.sh <user>   e.g. clerk-JD-SWJ, head-ST-XH, triager, supervisor, operator");
            System.err.println("  issuer: ISSUER_URI, else http://127.0.0.1:${ISSUER_PORT:-9000};"
                    + " password: DEMO_PASSWORD, else demo");
            System.exit(1);
        }
        Map<String, String> env = System.getenv();
        String password = env.getOrDefault("DEMO_PASSWORD", "demo");
        try {
            System.out.println(accessToken(issuer(env), args[0].trim(), password));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
