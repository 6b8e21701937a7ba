package dk.tilbudsoversigt.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the parity tests: analyse.js loaded once per test class. */
abstract class AnalyseJsTest {
    static AnalyseJs js;

    @BeforeAll
    static void loadAnalyseJs() {
        js = new AnalyseJs();
    }

    @AfterAll
    static void closeAnalyseJs() {
        js.close();
    }
}
