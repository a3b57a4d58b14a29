"""Artificial intelligence and machine learning."""

from adapters.sources.catalogue.entry import work

AI = ("artificial intelligence, machine learning, штучний інтелект, машинне навчання, "
      "искусственный интеллект, машинное обучение, intelligenza artificiale, "
      "apprendimento automatico")
NEURAL = ("neural networks, deep learning, нейронні мережі, глибоке навчання, нейронные сети, "
          "глубокое обучение, reti neurali")

ARTIFICIAL_INTELLIGENCE = (
    work("Computing machinery and intelligence", ("Alan M. Turing",), 1950, "Mind",
         "10.1093/mind/LIX.236.433",
         summary="Asks whether machines can think and replaces the question with the "
                 "imitation game, now called the Turing test. Turing answers objections to "
                 "machine intelligence and proposes building learning machines that are "
                 "educated like children.",
         keywords=f"{AI}, Turing test, philosophy of mind, thinking machines, тест Тьюрінга"),
    work("Deep learning", ("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"), 2015, "Nature",
         "10.1038/nature14539",
         summary="Reviews deep learning: models with many processing layers that learn "
                 "representations of data at several levels of abstraction through "
                 "backpropagation. It covers convolutional networks for images and recurrent "
                 "networks for sequences such as speech and text.",
         keywords=f"{AI}, {NEURAL}, representation learning, convolutional networks, "
                  "recurrent networks"),
    work("Learning representations by back-propagating errors",
         ("David E. Rumelhart", "Geoffrey E. Hinton", "Ronald J. Williams"), 1986, "Nature",
         "10.1038/323533a0",
         summary="Describes back-propagation: repeatedly adjusting the weights of a neural "
                 "network in proportion to the gradient of its output error. Hidden units "
                 "trained this way come to represent important features of the task.",
         keywords=f"{AI}, {NEURAL}, backpropagation, gradient descent, hidden units"),
    work("Gradient-based learning applied to document recognition",
         ("Yann LeCun", "Léon Bottou", "Yoshua Bengio", "Patrick Haffner"), 1998,
         "Proceedings of the IEEE", "10.1109/5.726791",
         summary="Shows that convolutional neural networks trained by gradient descent "
                 "recognise handwritten characters better than hand-designed methods, using "
                 "the LeNet-5 architecture and the MNIST data. It also introduces graph "
                 "transformer networks for training whole document-recognition systems.",
         keywords=f"{AI}, {NEURAL}, convolutional neural networks, handwriting recognition, "
                  "computer vision, pattern recognition, розпізнавання образів"),
    work("Long short-term memory", ("Sepp Hochreiter", "Jürgen Schmidhuber"), 1997,
         "Neural Computation", "10.1162/neco.1997.9.8.1735",
         summary="Introduces the LSTM recurrent network, whose gated memory cells keep error "
                 "signals from vanishing so that it can learn dependencies across more than a "
                 "thousand time steps. It solves long-lag tasks that earlier recurrent "
                 "networks could not.",
         keywords=f"{AI}, {NEURAL}, recurrent neural networks, LSTM, sequence modelling, time "
                  "series, рекурентні мережі, рекуррентные сети"),
    work("A fast learning algorithm for deep belief nets",
         ("Geoffrey E. Hinton", "Simon Osindero", "Yee-Whye Teh"), 2006, "Neural Computation",
         "10.1162/neco.2006.18.7.1527",
         summary="Shows how to train deep belief networks one layer at a time, each layer a "
                 "restricted Boltzmann machine learned greedily, then fine-tuned. The method "
                 "revived interest in deep neural networks.",
         keywords=f"{AI}, {NEURAL}, deep belief networks, unsupervised learning, "
                  "pretraining"),
    work("ImageNet classification with deep convolutional neural networks",
         ("Alex Krizhevsky", "Ilya Sutskever", "Geoffrey E. Hinton"), 2017,
         "Communications of the ACM", "10.1145/3065386",
         summary="Trains a large convolutional network on GPUs to classify 1.2 million "
                 "ImageNet images into 1000 classes, with ReLU units and dropout, and wins "
                 "the 2012 ImageNet challenge by a wide margin. The result started the deep "
                 "learning era in computer vision.",
         keywords=f"{AI}, {NEURAL}, computer vision, image classification, ImageNet, "
                  "комп'ютерний зір, компьютерное зрение, GPU"),
    work("Deep residual learning for image recognition",
         ("Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"), 2016,
         "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
         "10.1109/CVPR.2016.90",
         summary="Introduces residual networks, in which layers learn corrections added to "
                 "their input through shortcut connections. This lets networks of over a "
                 "hundred layers be trained and won the 2015 ImageNet competition.",
         keywords=f"{AI}, {NEURAL}, residual networks, ResNet, computer vision, image "
                  "recognition, розпізнавання зображень, распознавание изображений"),
    work("Attention is all you need",
         ("Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones",
          "Aidan N. Gomez", "Łukasz Kaiser", "Illia Polosukhin"), 2017,
         "Advances in Neural Information Processing Systems 30", "10.48550/arXiv.1706.03762",
         summary="Proposes the Transformer, a sequence model built on self-attention alone, "
                 "without recurrence or convolution. It sets new results in machine "
                 "translation with far less training time and became the basis of large "
                 "language models.",
         keywords=f"{AI}, {NEURAL}, transformer, attention, natural language processing, "
                  "machine translation, large language models, великі мовні моделі, "
                  "большие языковые модели, LLM"),
    work("Random forests", ("Leo Breiman",), 2001, "Machine Learning",
         "10.1023/A:1010933404324",
         summary="Introduces random forests: ensembles of decision trees, each grown on a "
                 "bootstrap sample with random choices of features at each split, whose votes "
                 "are combined. They are accurate, resist overfitting and estimate variable "
                 "importance.",
         keywords=f"{AI}, random forests, decision trees, ensemble learning, classification, "
                  "regression, випадковий ліс, случайный лес"),
    work("Support-vector networks", ("Corinna Cortes", "Vladimir Vapnik"), 1995,
         "Machine Learning", "10.1007/BF00994018",
         summary="Introduces the support-vector network (support vector machine) for two-group "
                 "classification: inputs are mapped to a high-dimensional feature space and "
                 "separated by a maximum-margin hyperplane, with a soft margin for data that "
                 "are not separable.",
         keywords=f"{AI}, support vector machines, SVM, classification, kernel methods, "
                  "метод опорних векторів, метод опорных векторов"),
    work("Adam: A method for stochastic optimization", ("Diederik P. Kingma", "Jimmy Ba"),
         2014, "arXiv", "10.48550/arXiv.1412.6980",
         summary="Presents Adam, a first-order optimiser for stochastic objectives that adapts "
                 "each parameter's step size from running estimates of the first and second "
                 "moments of its gradients. It is simple, memory-light and became a default "
                 "for training neural networks.",
         keywords=f"{AI}, {NEURAL}, optimization, stochastic gradient descent, training, "
                  "оптимізація, оптимизация"),
    work("Generative adversarial networks",
         ("Ian Goodfellow", "Jean Pouget-Abadie", "Mehdi Mirza", "Bing Xu", "David Warde-Farley",
          "Sherjil Ozair", "Aaron Courville", "Yoshua Bengio"), 2020,
         "Communications of the ACM", "10.1145/3422622",
         summary="Explains generative adversarial networks, in which a generator learns to "
                 "produce realistic samples by competing against a discriminator that learns "
                 "to tell them from real data. It reviews the idea's theory and "
                 "applications.",
         keywords=f"{AI}, {NEURAL}, generative models, GAN, generative AI, генеративний "
                  "штучний інтелект, генеративный искусственный интеллект"),
)
