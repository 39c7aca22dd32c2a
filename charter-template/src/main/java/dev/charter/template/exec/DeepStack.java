package dev.charter.template.exec;

import dev.charter.template.TemplateException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs parsing and execution on threads with a very large stack. Go grows goroutine stacks to 1 GB,
 * so Go templates nest 100000 template calls deep before failing with "exceeded maximum template
 * depth"; a default Java thread would overflow long before. The stack is reserved address space,
 * committed only as deep recursion touches it.
 */
public final class DeepStack {
    private static final long STACK_SIZE = 2L << 30;
    private static final ThreadLocal<Boolean> ON_DEEP_STACK = ThreadLocal.withInitial(() -> false);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactory() {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(null, () -> {
                ON_DEEP_STACK.set(true);
                r.run();
            }, "charter-template-" + COUNTER.incrementAndGet(), STACK_SIZE);
            t.setDaemon(true);
            return t;
        }
    });

    private DeepStack() {}

    public static <T> T run(Callable<T> task) {
        if (ON_DEEP_STACK.get()) {
            return call(task);
        }
        Future<T> f = POOL.submit(() -> call(task));
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new TemplateException("template: interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new TemplateException(String.valueOf(c.getMessage()), c);
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (StackOverflowError e) {
            throw new TemplateException("template: stack overflow: nesting too deep");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TemplateException(String.valueOf(e.getMessage()), e);
        }
    }
}
