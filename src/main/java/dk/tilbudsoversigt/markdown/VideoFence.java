package dk.tilbudsoversigt.markdown;

import java.util.Set;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;

import dk.tilbudsoversigt.media.VideoBlock;

/**
 * Renders a {@code ```video} block as an empty marker that BodyRenderer replaces with the
 * video; raw HTML cannot produce the marker, since the safe list allows no data attributes.
 */
final class VideoFence implements NodeRenderer {
    static final String MARKER = "data-video-blok";

    static boolean isVideo(FencedCodeBlock block) {
        return block.getInfo().toString().strip().equals(VideoBlock.INFO);
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, (block, context, html) -> {
            if (isVideo(block)) html.line().raw("<div " + MARKER + "></div>").line();
            else context.delegateRender();
        }));
    }
}
