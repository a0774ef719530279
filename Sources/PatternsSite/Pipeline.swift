public enum PatternsSitePlaceholder {}
