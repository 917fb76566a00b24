package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.api.health.DatabaseHealth;
import nl.proeftuin.core.store.Database;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * A load balancer's probe never hangs on the database: while one request makes the verdict (here: the
 * database's check waits, as a pool with PostgreSQL gone waits for a connection), the others get a DOWN
 * verdict at once after {@link Readiness#SLOW}. Before, every probe waited on the one making it.
 */
class ReadinessUnderASlowDatabaseTest {

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.get(method.getName()));
    }

    @Test
    void aProbeDuringASlowVerdictIsAnsweredDownAtOnce() throws Exception {
        CountDownLatch databaseAnswers = new CountDownLatch(1);
        Database hanging = new Database() {
            @Override
            public <T> T inTransaction(SqlWork<T> work) {
                throw new IllegalStateException("not reached");
            }

            @Override
            public <T> T read(SqlWork<T> work) {
                throw new IllegalStateException("not reached");
            }

            @Override
            public DatabaseHealth check() {
                try {
                    databaseAnswers.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return DatabaseHealth.absent("gone");
            }

            @Override
            public Dialect dialect() {
                return Dialect.POSTGRESQL;
            }
        };
        BundleContext context = stub(BundleContext.class, Map.of("getBundles", new Bundle[0]));
        Bundle self = stub(Bundle.class, Map.of("getBundleContext", context, "getHeaders", new Hashtable<String, String>(),
                "getVersion", Version.emptyVersion));
        ServiceComponentRuntime scr = stub(ServiceComponentRuntime.class, Map.of("getComponentDescriptionDTOs", List.of()));
        Readiness readiness = new Readiness(new PlatformHealth(scr, self), self, () -> hanging, () -> null, Map.of(),
                () -> true, Clock.systemUTC());

        CompletableFuture<Readiness.Verdict> first = CompletableFuture.supplyAsync(readiness::verdict);
        Thread.sleep(Readiness.SLOW.toMillis() + 300);
        long begun = System.nanoTime();
        Readiness.Verdict probe = readiness.verdict();
        long tookMillis = (System.nanoTime() - begun) / 1_000_000;
        assertFalse(probe.ready());
        assertTrue(probe.failures().get(0).contains("waited more than"), probe.failures().toString());
        assertTrue(tookMillis < 500, "answered at once, not after the database: " + tookMillis + " ms");
        assertFalse(first.isDone(), "the verdict being made still waits on the database");
        databaseAnswers.countDown();
        assertFalse(first.get(30, TimeUnit.SECONDS).ready());
    }
}
