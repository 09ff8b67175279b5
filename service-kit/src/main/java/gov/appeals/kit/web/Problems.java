package gov.appeals.kit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The problem documents (RFC 9457) every service answers with, in one shape. */
public final class Problems {

    private static final int MAX_DETAIL = 200;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    public static ProblemDetail invalid(String detail, List<FieldProblem> problems) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    /** How long a client is asked to wait before retrying a request refused while the store is away. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /**
     * A dependency that is away for a while (the store unreachable or timing out): nothing was done, and the same
     * request may be sent again, which is safe since every write the services take is idempotent.
     */
    public static boolean isUnavailable(Throwable error) {
        return causeOf(error, TransientDataAccessException.class) != null
                || causeOf(error, DataAccessResourceFailureException.class) != null
                || causeOf(error, MongoTimeoutException.class) != null
                || causeOf(error, MongoSocketException.class) != null
                || causeOf(error, java.util.concurrent.TimeoutException.class) != null;
    }

    public static ProblemDetail unavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "A store this service needs is unavailable for the moment; "
                + "nothing was changed, and the request may be sent again");
    }

    public static ProblemDetail tooLarge(long maxBytes) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the " + maxBytes
                + " bytes accepted");
    }

    /** A body that could not be read, as a 400 (or 413 when it was too large to read), naming the field. */
    public static ProblemDetail unreadable(Throwable error, long maxBytes) {
        if (causeOf(error, DataBufferLimitException.class) != null) {
            return tooLarge(maxBytes);
        }
        JacksonException json = causeOf(error, JacksonException.class);
        if (json == null) {
            return null;
        }
        if (json.getPath().isEmpty()) {
            return of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + clip(json.getOriginalMessage()));
        }
        String field = path(json);
        String reason = reason(json);
        return invalid("The request body is not valid: " + field + " " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> type = invalid.getTargetType();
            if (type.isEnum()) {
                List<String> names = new ArrayList<>();
                for (Object constant : type.getEnumConstants()) {
                    names.add(((Enum<?>) constant).name());
                }
                return "must be one of " + String.join(", ", names);
            }
            if (type == String.class) {
                return clip(invalid.getOriginalMessage());
            }
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type == String.class) {
                return "must be a string";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "must be true or false";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "must be a number";
            }
            if (type.isEnum()) {
                return "must be one of its names, as a string";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "must be an array";
            }
            return "must be a " + (type.isRecord() ? "JSON object" : type.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return "has the wrong type or format";
    }

    private static String clip(String message) {
        if (message == null) {
            return "unreadable";
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        String safe = SafeText.problem(oneLine) == null ? oneLine : "unreadable";
        return safe.length() > MAX_DETAIL ? safe.substring(0, MAX_DETAIL) + "…" : safe;
    }

    public static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
