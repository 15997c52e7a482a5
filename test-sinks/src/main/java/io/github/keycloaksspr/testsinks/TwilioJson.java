package io.github.keycloaksspr.testsinks;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The JSON Twilio answers with, as far as the SDK reads it. Hand-written: test-sinks carries no JSON library. */
final class TwilioJson {

    /** Twilio's date format, RFC 2822, which is also what the SDK parses. */
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final String API_VERSION = "2010-04-01";

    private TwilioJson() {
    }

    static String message(String sid, String accountSid, String to, String from, String body, ZonedDateTime created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", API_VERSION);
        json.put("body", body);
        json.put("date_created", rfc2822(created));
        json.put("date_sent", null);
        json.put("date_updated", rfc2822(created));
        json.put("direction", "outbound-api");
        json.put("error_code", null);
        json.put("error_message", null);
        json.put("from", from);
        json.put("messaging_service_sid", null);
        json.put("num_media", "0");
        json.put("num_segments", "1");
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", sid);
        json.put("status", "queued");
        json.put("subresource_uris", Map.of("media", resourceUri(accountSid, "Messages", sid, "/Media.json")));
        json.put("to", to);
        json.put("uri", resourceUri(accountSid, "Messages", sid, ".json"));
        return object(json);
    }

    static String call(String sid, String accountSid, String to, String from, ZonedDateTime created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("answered_by", null);
        json.put("api_version", API_VERSION);
        json.put("caller_name", null);
        json.put("date_created", rfc2822(created));
        json.put("date_updated", rfc2822(created));
        json.put("direction", "outbound-api");
        json.put("duration", null);
        json.put("end_time", null);
        json.put("forwarded_from", null);
        json.put("from", from);
        json.put("from_formatted", from);
        json.put("group_sid", null);
        json.put("parent_call_sid", null);
        json.put("phone_number_sid", null);
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("queue_time", "0");
        json.put("sid", sid);
        json.put("start_time", null);
        json.put("status", "queued");
        json.put("subresource_uris", Map.of("recordings", resourceUri(accountSid, "Calls", sid, "/Recordings.json")));
        json.put("to", to);
        json.put("to_formatted", to);
        json.put("trunk_sid", null);
        json.put("uri", resourceUri(accountSid, "Calls", sid, ".json"));
        return object(json);
    }

    /** Twilio's error shape, e.g. {@code {"code":20003,"message":"Authenticate","more_info":"...","status":401}}. */
    static String error(int status, int code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", status);
        return object(json);
    }

    private static String resourceUri(String accountSid, String collection, String sid, String suffix) {
        return "/" + API_VERSION + "/Accounts/" + accountSid + "/" + collection + "/" + sid + suffix;
    }

    private static String rfc2822(ZonedDateTime time) {
        return RFC_2822.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }

    private static String object(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .map(field -> string(field.getKey()) + ":" + value(field.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    @SuppressWarnings("unchecked")
    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return object((Map<String, ?>) map);
        }
        return string(value.toString());
    }

    private static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
