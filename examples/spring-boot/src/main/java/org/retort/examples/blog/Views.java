package org.retort.examples.blog;

import java.util.List;

/** What the REST API returns: plain records, written as JSON by Spring MVC. */
public final class Views {
    private Views() {
    }

    /**
     * A user and their posts.
     *
     * @param id the key
     * @param name the name
     * @param posts the posts, oldest first
     */
    public record UserView(long id, String name, List<PostView> posts) {
    }

    /**
     * A post.
     *
     * @param id the key
     * @param title the title
     */
    public record PostView(long id, String title) {
    }

    /**
     * The outcome of a best-effort batch: each post was written under its own savepoint.
     *
     * @param written the posts kept
     * @param rejected the titles refused, whose rows were rolled back to their savepoint
     */
    public record BatchView(List<PostView> written, List<String> rejected) {
    }

    /**
     * A request body with a name.
     *
     * @param name the name
     */
    public record NameRequest(String name) {
    }

    /**
     * A request body with titles.
     *
     * @param titles the titles
     */
    public record TitlesRequest(List<String> titles) {
    }
}
