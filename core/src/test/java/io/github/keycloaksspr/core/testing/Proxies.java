package io.github.keycloaksspr.core.testing;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;

/**
 * Stand-ins for the few methods of a large Keycloak interface that a test needs; any other call fails
 * the test, so a stand-in cannot silently answer for behaviour it does not model.
 */
public final class Proxies {

    private Proxies() {
    }

    public static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> methods) {
        return type.cast(Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> implementation = methods.get(method.getName());
            if (implementation != null) {
                return implementation.apply(args == null ? new Object[0] : args);
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + " stand-in";
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not modelled");
        }));
    }
}
