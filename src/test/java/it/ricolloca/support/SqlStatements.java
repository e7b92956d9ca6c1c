package it.ricolloca.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Counts the SQL statements the current thread sends while a piece of work runs (a MockMvc request
 * runs on the test's thread): the application's data source is wrapped so that every statement a
 * connection prepares or creates is counted when counting is on. Used to pin the number of queries
 * of a list page, so that one query per row fails the build.
 */
public class SqlStatements implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNTER = new ThreadLocal<>();
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

    /** How many statements {@code work} sent on this thread. */
    public static int count(Callable<?> work) throws Exception {
        COUNTER.set(new int[1]);
        try {
            work.call();
            return COUNTER.get()[0];
        } finally {
            COUNTER.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return Proxy.newProxyInstance(bean.getClass().getClassLoader(), ClassUtils.getAllInterfaces(bean),
                    (proxy, method, args) -> {
                        Object result = invoke(dataSource, method, args);
                        return result instanceof Connection c && method.getName().equals("getConnection") ? counted(c) : result;
                    });
        }
        return bean;
    }

    private static Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    int[] counter = COUNTER.get();
                    if (counter != null && STATEMENTS.contains(method.getName())) {
                        counter[0]++;
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
