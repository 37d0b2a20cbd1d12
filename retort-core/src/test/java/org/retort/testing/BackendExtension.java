package org.retort.testing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.TestAbortedException;

/** Expands a {@link BackendTest} into one invocation per backend, each with its own database. */
public final class BackendExtension implements TestTemplateInvocationContextProvider {
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(BackendTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        BackendTest spec = context.getRequiredTestMethod().getAnnotation(BackendTest.class);
        List<String> only = Arrays.asList(spec.only());
        List<String> exclude = Arrays.asList(spec.exclude());
        return Backend.ALL.stream()
                .filter(b -> only.isEmpty() || only.contains(b.label()))
                .filter(b -> !exclude.contains(b.label()))
                .map(Invocation::new);
    }

    private static final class Invocation implements TestTemplateInvocationContext {
        private final Backend backend;

        Invocation(Backend backend) {
            this.backend = backend;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + backend.label() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new PerBackend(backend));
        }
    }

    private static final class PerBackend implements ParameterResolver, BeforeTestExecutionCallback, AfterTestExecutionCallback {
        private final Backend backend;
        private TestDatabase database;
        private Backend.Provisioned provisioned;

        PerBackend(Backend backend) {
            this.backend = backend;
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            String reason = backend.unreachableReason();
            if (reason != null) {
                BackendSummary.skipped(backend, reason);
                if (CI) {
                    throw new ParameterResolutionException("CI=true requires " + backend.label()
                            + ", which is unreachable: " + reason);
                }
                throw new TestAbortedException(backend.label() + " unreachable, skipped: " + reason);
            }
            try {
                provisioned = backend.provision();
            } catch (Exception e) {
                throw new ParameterResolutionException("Could not create a test database on " + backend.label(), e);
            }
            database = new TestDatabase(backend, provisioned.url());
            return database;
        }

        @Override
        public void beforeTestExecution(ExtensionContext context) {
            // the database is made while resolving the parameter
        }

        @Override
        public void afterTestExecution(ExtensionContext context) throws Exception {
            boolean failed = context.getExecutionException().isPresent()
                    && !(context.getExecutionException().get() instanceof TestAbortedException);
            if (database != null) {
                database.disposeEngines();
                BackendSummary.ran(backend, failed);
            }
            if (provisioned != null) {
                provisioned.cleanup().run();
            }
        }
    }
}
