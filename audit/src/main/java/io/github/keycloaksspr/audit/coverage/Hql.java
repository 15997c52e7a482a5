package io.github.keycloaksspr.audit.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.Query;

/**
 * A piece of a JPQL query and the parameters it names, so that pieces built apart (who is in scope, who is capable)
 * combine into one statement the database runs; values always travel as parameters, never inside the text.
 */
record Hql(String text, Map<String, Object> parameters) {

    static final Hql TRUE = new Hql("1 = 1", Map.of());
    static final Hql FALSE = new Hql("1 = 0", Map.of());

    Hql {
        parameters = Map.copyOf(parameters);
    }

    static Hql of(String text) {
        return new Hql(text, Map.of());
    }

    static Hql of(String text, String name, Object value) {
        return new Hql(text, Map.of(name, value));
    }

    Hql with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(parameters);
        if (more.containsKey(name) && !more.get(name).equals(value)) {
            throw new IllegalArgumentException("parameter " + name + " is bound twice to different values");
        }
        more.put(name, value);
        return new Hql(text, more);
    }

    Hql and(Hql other) {
        return join(" and ", other);
    }

    Hql or(Hql other) {
        return join(" or ", other);
    }

    /** {@code text} with {@code %s} replaced by this piece in parentheses. */
    Hql within(String text) {
        return new Hql(text.replace("%s", "(" + this.text + ")"), parameters);
    }

    /** The pieces' texts joined with {@code separator}, with all their parameters. */
    static Hql join(String separator, List<Hql> pieces) {
        Hql joined = of(pieces.stream().map(Hql::text).collect(Collectors.joining(separator)));
        for (Hql piece : pieces) {
            joined = joined.withParametersOf(piece);
        }
        return joined;
    }

    /** This text followed by {@code next}'s. */
    Hql then(Hql next) {
        return new Hql(text + next.text, parameters).withParametersOf(next);
    }

    /** A select item: how many rows match this condition. */
    Hql countWhen() {
        return within("count(case when %s then 1 end)");
    }

    /** This text with the parameters of both. */
    Hql withParametersOf(Hql other) {
        Hql merged = this;
        for (Map.Entry<String, Object> p : other.parameters.entrySet()) {
            merged = merged.with(p.getKey(), p.getValue());
        }
        return merged;
    }

    private Hql join(String operator, Hql other) {
        return new Hql("(" + text + ")" + operator + "(" + other.text + ")", parameters).withParametersOf(other);
    }

    /** Binds the parameters the text names: pieces bring all they may need, a statement uses some of them. */
    <Q extends Query> Q bind(Q query) {
        parameters.forEach((name, value) -> {
            if (Pattern.compile(":" + Pattern.quote(name) + "\\b").matcher(text).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
