import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseVectorCache } from './database-vector-cache';
import { EmbeddingStatusRow } from './embedding-status.entity';
import { EmbeddingsService } from './embeddings.service';
import { TextEmbedding } from './text-embedding.entity';

/** An on-premises embedding model for clustering (EMBEDDINGS_URL), with its cache of vectors. */
@Module({
  imports: [TypeOrmModule.forFeature([TextEmbedding, EmbeddingStatusRow])],
  providers: [DatabaseVectorCache, EmbeddingsService],
  exports: [EmbeddingsService],
})
export class EmbeddingsModule {}
