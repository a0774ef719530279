public enum PatternsKatasPlaceholder {}
