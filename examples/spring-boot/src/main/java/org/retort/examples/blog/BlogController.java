package org.retort.examples.blog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.retort.examples.blog.Views.BatchView;
import org.retort.examples.blog.Views.NameRequest;
import org.retort.examples.blog.Views.PostView;
import org.retort.examples.blog.Views.TitlesRequest;
import org.retort.examples.blog.Views.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The REST API: {@code /users} and their {@code /posts}. */
@RestController
@RequestMapping("/users")
public class BlogController {
    private final BlogService blog;

    BlogController(BlogService blog) {
        this.blog = blog;
    }

    /**
     * Creates a user.
     *
     * @param body the name
     * @return 201 with the user
     */
    @PostMapping
    public ResponseEntity<UserView> create(@RequestBody NameRequest body) {
        UserView user = blog.createUser(body.name());
        return ResponseEntity.created(URI.create("/users/" + user.id())).body(user);
    }

    /**
     * Reads a user.
     *
     * @param id the key
     * @return the user, or 404
     */
    @GetMapping("/{id}")
    public ResponseEntity<UserView> get(@PathVariable long id) {
        return ResponseEntity.of(blog.user(id));
    }

    /**
     * Renames a user.
     *
     * @param id the key
     * @param body the new name
     * @return the user, or 404
     */
    @PutMapping("/{id}")
    public ResponseEntity<UserView> rename(@PathVariable long id, @RequestBody NameRequest body) {
        return ResponseEntity.of(blog.rename(id, body.name()));
    }

    /**
     * Deletes a user and their posts.
     *
     * @param id the key
     * @return 204, or 404
     */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        return blog.deleteUser(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /**
     * Adds posts, all or nothing.
     *
     * @param id the author
     * @param body the titles
     * @return 201 with the posts
     */
    @PostMapping("/{id}/posts")
    public ResponseEntity<List<PostView>> addPosts(@PathVariable long id, @RequestBody TitlesRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(blog.addPosts(id, body.titles()));
    }

    /**
     * Adds posts one savepoint each, keeping those not rejected.
     *
     * @param id the author
     * @param body the titles
     * @return what was written and what was rejected
     */
    @PostMapping("/{id}/posts/best-effort")
    public BatchView addPostsBestEffort(@PathVariable long id, @RequestBody TitlesRequest body) {
        return blog.addPostsBestEffort(id, body.titles());
    }

    /**
     * Answers a rejected post with 422 and the reason.
     *
     * @param e the rejection
     * @return the error body
     */
    @ExceptionHandler(RejectedPostException.class)
    public ResponseEntity<Map<String, String>> rejected(RejectedPostException e) {
        return ResponseEntity.unprocessableContent().body(Map.of("error", e.getMessage()));
    }
}
