package com.complaintdesk.triage.domain.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Normalises a text and splits it into words with Lucene's smartcn segmenter (a hidden-Markov-model Chinese word
 * segmenter; English words are Porter-stemmed). Rules then match whole words, never the middle of one
 * (万一 is not 万, "prudent" is not "rude"). Thread-safe: the Lucene analyzer reuses one tokenizer per thread.
 */
public final class TextAnalyzer implements AutoCloseable {

    private final TextNormalizer normalizer;
    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new HMMChineseTokenizer();
            TokenStream stream = new PorterStemFilter(tokenizer);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    public TextAnalyzer(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    public AnalyzedText analyze(String raw) {
        String text = normalizer.normalize(raw);
        return analyzeNormalized(text, normalizer.truncates(raw));
    }

    public AnalyzedText analyzeNormalized(String text, boolean truncated) {
        List<AnalyzedText.Token> tokens = new ArrayList<>();
        BitSet starts = new BitSet(text.length() + 1);
        BitSet ends = new BitSet(text.length() + 1);
        if (!text.isEmpty()) {
            try (TokenStream ts = analyzer.tokenStream("text", text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    int s = offset.startOffset();
                    int e = offset.endOffset();
                    tokens.add(new AnalyzedText.Token(term.toString(), s, e));
                    starts.set(s);
                    ends.set(e);
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new AnalyzedText(text, tokens, starts, ends, truncated);
    }

    /** The stemmed words of a rule phrase, for matching English phrases word by word. */
    public List<String> words(String phrase) {
        AnalyzedText a = analyze(phrase);
        List<String> out = new ArrayList<>();
        for (AnalyzedText.Token t : a.tokens()) {
            if (AnalyzedText.isWord(t.term())) {
                out.add(t.term());
            }
        }
        return out;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
