package dev.migrator.autoconfigure;

import dev.migrator.engine.MigrationsStatus;
import dev.migrator.engine.MigratorSettings;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ResourceHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What a GraalVM native image needs of Migrator (registered in {@code META-INF/spring/aot.factories}): the journal
 * and the migration files of the default location {@code db/migrations}, and reflection on the types the
 * {@code migrations} endpoint writes as JSON. {@link MigratorLocationAotProcessor} adds the folder of
 * {@code migrator.location}; for the folder of a Migrator bean of your own, call {@link #registerLocation} from a
 * registrar of yours ({@code @ImportRuntimeHints}).
 */
public class MigratorRuntimeHints implements RuntimeHintsRegistrar {

	private static final String ENDPOINT = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

	private static final String DESCRIPTOR = "dev.migrator.actuate.MigrationsEndpoint$MigratorsDescriptor";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		registerLocation(hints.resources(), MigratorSettings.DEFAULT_LOCATION);
		BindingReflectionHintsRegistrar json = new BindingReflectionHintsRegistrar();
		json.registerReflectionHints(hints.reflection(), MigrationsStatus.class);
		if (ClassUtils.isPresent(ENDPOINT, classLoader) && ClassUtils.isPresent(DESCRIPTOR, classLoader)) {
			json.registerReflectionHints(hints.reflection(), ClassUtils.resolveClassName(DESCRIPTOR, classLoader));
		}
	}

	/**
	 * Registers the files of a migrations folder on the classpath: {@code meta/_journal.json} and {@code *.sql}
	 * beside it (drizzle-kit 0.x), and each sub-folder's {@code migration.sql} (Drizzle 1.0; that layout needs a
	 * listing, which a native image cannot give, so only the journal layout runs there). Snapshots are left out: the runner never reads them.
	 * @param resources the resource hints
	 * @param location the folder, such as {@code classpath:db/migrations}; other than {@code classpath:} ones are
	 * read from the file system at run time and need nothing
	 */
	public static void registerLocation(ResourceHints resources, String location) {
		String prefix = "classpath:";
		if (!location.startsWith(prefix)) {
			return;
		}
		String folder = location.substring(prefix.length()).replaceAll("^/+|/+$", "");
		String base = folder.isEmpty() ? "" : folder + "/";
		resources.registerPattern(base + "meta/_journal.json");
		resources.registerPattern(base + "*.sql");
		resources.registerPattern(base + "*/migration.sql");
	}

}
