// The Markdown component: see MarkdownRenderer.
public enum PatternsMarkdownPlaceholder {}
