package dev.migrator.test;

import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Closes the context of a {@link WithMigratedDatabase} test after each method ({@code Scope.METHOD}) or after the
 * class, which drops its database. No other class can use that context anyway. Registered in
 * {@code META-INF/spring.factories}.
 */
class MigratedDatabaseTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Before the transactional listener (4000), so that its after-method callback comes after that one's: the test's
	 * transaction is rolled back before the context closes.
	 */
	@Override
	public int getOrder() {
		return 3100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		WithMigratedDatabase annotation = annotation(testContext);
		if (annotation != null && annotation.value() == WithMigratedDatabase.Scope.METHOD) {
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
		}
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		if (annotation(testContext) != null) {
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
		}
	}

	private static WithMigratedDatabase annotation(TestContext testContext) {
		return TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), WithMigratedDatabase.class);
	}

}
