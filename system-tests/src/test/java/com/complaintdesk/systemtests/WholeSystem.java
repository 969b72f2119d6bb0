package com.complaintdesk.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(WholeSystem.class)} gives a test a {@link RunningSystem} parameter: the whole system on the
 * embedded infrastructure, started once per test JVM (kept in the root store, so every system test class shares the
 * same start) and stopped when the run ends.
 */
public final class WholeSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WholeSystem.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("embedded", key -> RunningSystem.start(null, null), RunningSystem.class);
    }
}
