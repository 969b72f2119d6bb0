package com.complaintdesk.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(WholeSystem.class)} gives a test a {@link RunningSystem} parameter: the whole system on the
 * embedded infrastructure, started once per test JVM (kept in the root store, so every system test class shares the
 * same start) and stopped when the run ends. A start that failed is not tried again for every further test (each try
 * may take minutes): they all fail at once with the first failure as the cause.
 */
public final class WholeSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WholeSystem.class);

    private record FailedStart(RuntimeException cause) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Object started = context.getRoot().getStore(NAMESPACE).computeIfAbsent("embedded", key -> {
            try {
                return RunningSystem.start(null, null);
            } catch (RuntimeException e) {
                return new FailedStart(e);
            }
        }, Object.class);
        if (started instanceof FailedStart failed) {
            throw new ParameterResolutionException("the whole system did not start: " + failed.cause().getMessage(),
                    failed.cause());
        }
        return started;
    }
}
