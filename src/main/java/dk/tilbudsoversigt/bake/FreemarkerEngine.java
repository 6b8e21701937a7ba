package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Our Freemarker engine for JBake: auto-escaping by file extension (.ftlh HTML, .ftlx XML),
 * the site's own templates before the default theme's, and template errors that fail the
 * build instead of being written into the page. It never queries JBake's content store.
 */
final class FreemarkerEngine extends DelegatingTemplateEngine {
    static {
        // Freemarker picks any logging library it finds (log4j 1.2 arrives with test tools); ours is SLF4J, kept silent
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "SLF4J");
        }
    }

    private final Configuration freemarker;
    private final Map<String, Object> shared;

    FreemarkerEngine(JBakeConfiguration config, Path siteFolder, Map<String, Object> shared) throws IOException {
        super((ContentStore) null, config);
        this.shared = shared;
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocale(Locale.forLanguageTag("da-DK"));
        freemarker.setTimeZone(TimeZone.getTimeZone("UTC"));
        freemarker.setNumberFormat("computer");
        Path own = siteFolder.resolve("templates");
        TemplateLoader theme = new ClassTemplateLoader(FreemarkerEngine.class, "/theme/templates");
        freemarker.setTemplateLoader(Files.isDirectory(own)
                ? new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(own.toFile()), theme})
                : theme);
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        Map<String, Object> data = new HashMap<>(shared);
        data.putAll(model.getContent());
        try {
            freemarker.getTemplate(templateName).process(data, writer);
        } catch (TemplateException | IOException e) {
            throw new RenderingException(e);
        }
    }
}
