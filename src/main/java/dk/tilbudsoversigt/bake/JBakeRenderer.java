package dk.tilbudsoversigt.bake;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;

import dk.tilbudsoversigt.site.RenderJob;

/**
 * The one place that talks to JBake: its {@link Renderer} writes every file through our
 * {@link FreemarkerEngine}. JBake's crawler and OrientDB store are not used; the documents
 * come from our own in-memory model.
 */
final class JBakeRenderer {
    private final Renderer renderer;
    private final DefaultJBakeConfiguration config;
    private final java.util.Set<String> docTypes = new java.util.HashSet<>();

    JBakeRenderer(Path siteFolder, Path destination, List<RenderJob> jobs, Map<String, Object> shared) throws Exception {
        CompositeConfiguration settings = new CompositeConfiguration();
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("render.encoding", "UTF-8");
        props.put("draft.suffix", "-kladde");
        for (RenderJob job : jobs) {
            props.put("template." + docType(job) + ".file", job.template());
            props.put("template." + docType(job) + ".extension", extension(job.path()));
            docTypes.add(docType(job));
        }
        settings.addConfiguration(new MapConfiguration(props));
        config = new DefaultJBakeConfiguration(settings);
        config.setDestinationFolder(destination.toFile());
        // JBake builds its stock engines on this folder, and they complain when it is missing; ours looks elsewhere
        config.setTemplateFolder(destination.toFile());
        renderer = new Renderer(null, config, new FreemarkerEngine(config, siteFolder, shared));
    }

    /** Whether this renderer was set up for the job's template. */
    boolean knows(RenderJob job) {
        return docTypes.contains(docType(job));
    }

    /** Renders one job; throws with the template's own error as the cause. */
    void render(RenderJob job) throws Exception {
        DocumentModel doc = new DocumentModel();
        doc.putAll(job.model());
        doc.setType(docType(job));
        doc.setUri(outputFile(job.path()));
        doc.setStatus("published");
        doc.put("path", job.path());
        renderer.render(doc);
    }

    private static String docType(RenderJob job) {
        return job.template().replaceAll("\\.[a-z]+$", "");
    }

    static String outputFile(String path) {
        String file = path.endsWith("/") ? path + "index.html" : path;
        return file.substring(1).replace('/', File.separatorChar);
    }

    private static String extension(String path) {
        String file = path.endsWith("/") ? "index.html" : path;
        return file.substring(file.lastIndexOf('.'));
    }
}
