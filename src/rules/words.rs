//! Words shared by the rules that read names word by word.

/// Function words that end any name (`của`, `về`, `ngày`, `theo`, `trong`…);
/// each rule adds the verbs and nouns that end its own names.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "của"
            | "về"
            | "ngày"
            | "được"
            | "đã"
            | "đang"
            | "sẽ"
            | "có"
            | "là"
            | "thì"
            | "mà"
            | "này"
            | "đó"
            | "theo"
            | "tại"
            | "trong"
            | "cho"
            | "với"
            | "để"
            | "do"
            | "bởi"
            | "khi"
            | "từ"
            | "đến"
            | "trên"
            | "sau"
            | "trước"
            | "cũng"
            | "còn"
            | "nhằm"
            | "gồm"
            | "như"
            | "thuộc"
            | "hiện"
    )
}
