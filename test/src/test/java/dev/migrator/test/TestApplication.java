package dev.migrator.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the Spring tests: the auto-configured DataSource and migrator, nothing else. */
@SpringBootApplication
class TestApplication {

}
